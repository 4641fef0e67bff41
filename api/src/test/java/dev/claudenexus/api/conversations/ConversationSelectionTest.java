package dev.claudenexus.api.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudenexus.api.errors.InvalidParameterException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConversationSelectionTest {

  private static ConversationSelection parse(String dateFrom, String dateTo, String limit,
      String offset, String cursor) {
    return ConversationSelection.parse(null, null, dateFrom, dateTo, null, limit, offset, cursor);
  }

  @Test
  void defaultsToFiftyFromStart() {
    ConversationSelection selection = parse(null, null, null, null, null);

    assertThat(selection.limit()).isEqualTo(50);
    assertThat(selection.offset()).isZero();
    assertThat(selection.cursor()).isEmpty();
    assertThat(selection.excludeSubtasks()).isFalse();
  }

  @Test
  void cursorRoundTrips() {
    ConversationCursor cursor = new ConversationCursor(
        OffsetDateTime.of(2025, 3, 10, 8, 0, 0, 123_000_000, ZoneOffset.UTC), UUID.randomUUID());

    assertThat(parse(null, null, null, null, cursor.encode()).cursor()).contains(cursor);
  }

  @Test
  void invalidValuesNameTheirParameter() {
    assertThatThrownBy(() -> parse(null, null, "0", null, null))
        .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith("Invalid limit ");
    assertThatThrownBy(() -> parse(null, null, "100000", null, null))
        .hasMessageContaining("from 1 to 500");
    assertThatThrownBy(() -> parse(null, null, null, "-5", null))
        .hasMessageStartingWith("Invalid offset ");
    assertThatThrownBy(() -> parse(null, null, null, null, "not-a-cursor"))
        .hasMessageStartingWith("Invalid cursor ");
    assertThatThrownBy(() -> parse(null, null, null, null, "'; DROP TABLE api_requests; --"))
        .hasMessageStartingWith("Invalid cursor ");
    assertThatThrownBy(() -> parse(null, null, null, null, "A".repeat(5000)))
        .hasMessageStartingWith("Invalid cursor ");
    assertThatThrownBy(() -> parse("2025-03-10", "2025-03-01", null, null, null))
        .hasMessageStartingWith("Invalid dateFrom ");
  }

  @Test
  void cursorAndOffsetExcludeEachOther() {
    String cursor = new ConversationCursor(OffsetDateTime.now(ZoneOffset.UTC), UUID.randomUUID())
        .encode();

    assertThatThrownBy(() -> parse(null, null, null, "10", cursor))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("0 or no offset together with a cursor");
  }
}
