package dev.claudenexus.api.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudenexus.api.errors.InvalidParameterException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PageParametersTest {

  @Test
  void defaultsApplyWhenAbsent() {
    PageParameters page = PageParameters.parse(null, null, null, 100);

    assertThat(page.limit()).isEqualTo(100);
    assertThat(page.offset()).isZero();
    assertThat(page.cursor()).isEmpty();
  }

  @Test
  void invalidLimitNamesParameter() {
    for (String value : new String[] {"invalid", "0", "-1", "501", "", "1e3", "99999999999"}) {
      assertThatThrownBy(() -> PageParameters.parse(value, null, null, 100))
          .as(value)
          .isInstanceOf(InvalidParameterException.class)
          .hasMessageStartingWith("Invalid limit");
    }
  }

  @Test
  void invalidOffsetNamesParameter() {
    assertThatThrownBy(() -> PageParameters.parse("10", "x", null, 100))
        .hasMessageStartingWith("Invalid offset");
  }

  @Test
  void cursorRoundTrips() {
    RequestCursor cursor = new RequestCursor(
        OffsetDateTime.of(2025, 1, 2, 3, 4, 5, 123_456_000, ZoneOffset.UTC), UUID.randomUUID());

    assertThat(PageParameters.parse(null, null, cursor.encode(), 100).cursor()).contains(cursor);
  }

  @Test
  void malformedCursorIsRejected() {
    assertThatThrownBy(() -> PageParameters.parse(null, null, "not-a-cursor", 100))
        .hasMessageStartingWith("Invalid cursor");
  }

  @Test
  void cursorWithOffsetIsRejected() {
    String cursor = new RequestCursor(OffsetDateTime.now(ZoneOffset.UTC), UUID.randomUUID()).encode();

    assertThatThrownBy(() -> PageParameters.parse(null, "5", cursor, 100))
        .hasMessageStartingWith("Invalid offset");
  }

  @Test
  void requestIdMustBeUuid() {
    assertThatThrownBy(() -> PageParameters.requestId("123"))
        .hasMessageStartingWith("Invalid request id");
    UUID id = UUID.randomUUID();
    assertThat(PageParameters.requestId(id.toString())).isEqualTo(id);
  }
}
