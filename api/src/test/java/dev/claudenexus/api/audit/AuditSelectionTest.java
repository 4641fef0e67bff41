package dev.claudenexus.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudenexus.api.errors.InvalidParameterException;
import dev.claudenexus.audit.AuditAction;
import dev.claudenexus.audit.AuditQuery;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuditSelectionTest {

  private static AuditQuery parse(String user, String action, String from, String to, String id,
      String cursor, String limit) {
    return AuditSelection.parse(user, action, from, to, id, cursor, limit);
  }

  @Test
  void blankValuesMeanNoFilter() {
    AuditQuery query = parse(" ", "", null, "", null, "", null);

    assertThat(query.user()).isEmpty();
    assertThat(query.action()).isEmpty();
    assertThat(query.from()).isEmpty();
    assertThat(query.to()).isEmpty();
    assertThat(query.targetId()).isEmpty();
    assertThat(query.after()).isEmpty();
    assertThat(query.limit()).isEqualTo(AuditSelection.DEFAULT_LIMIT);
  }

  @Test
  void datesCoverWholeDays() {
    AuditQuery query = parse(null, null, "2026-03-01", "2026-03-01", null, null, null);

    assertThat(query.from()).contains(OffsetDateTime.parse("2026-03-01T00:00Z"));
    assertThat(query.to()).contains(OffsetDateTime.parse("2026-03-02T00:00Z"));
  }

  @Test
  void filtersAreParsed() {
    AuditQuery query = parse("alice", "request.view", "2026-03-01T10:15:30Z", null, "abc", null,
        "25");

    assertThat(query.user()).contains("alice");
    assertThat(query.action()).contains(AuditAction.REQUEST_VIEW);
    assertThat(query.from()).contains(OffsetDateTime.parse("2026-03-01T10:15:30Z"));
    assertThat(query.targetId()).contains("abc");
    assertThat(query.limit()).isEqualTo(25);
  }

  @Test
  void cursorRoundTrips() {
    AuditQuery.Position position = new AuditQuery.Position(
        OffsetDateTime.parse("2026-03-01T10:15:30.123456Z"), UUID.randomUUID());

    AuditQuery query = parse(null, null, null, null, null, AuditCursor.encode(position), null);

    assertThat(query.after()).contains(position);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "action|format.disk|one of request.view",
      "from|yesterday|an ISO-8601 time",
      "from|2026-13-01|an ISO-8601 time",
      "to|2026-03-01T10:00:00|an ISO-8601 time",
      "limit|0|a number from 1 to 500",
      "limit|501|a number from 1 to 500",
      "limit|ten|a number from 1 to 500",
      "cursor|not-a-cursor|the nextCursor of an earlier audit page",
      "cursor|bm90IGEgY3Vyc29y|the nextCursor of an earlier audit page",
      "user|a\tb|without control characters",
      "id|x\u0007y|without control characters"})
  void hostileValueIsRejected(String name, String value, String expectation) {
    assertThatThrownBy(() -> parse(
        name.equals("user") ? value : null, name.equals("action") ? value : null,
        name.equals("from") ? value : null, name.equals("to") ? value : null,
        name.equals("id") ? value : null, name.equals("cursor") ? value : null,
        name.equals("limit") ? value : null))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("Invalid " + name)
        .hasMessageContaining(expectation);
  }

  @Test
  void oversizedValuesAreRejected() {
    assertThatThrownBy(() -> parse("u".repeat(256), null, null, null, null, null, null))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("at most 255 characters");
    assertThatThrownBy(() -> parse(null, null, null, null, null, "c".repeat(5_000), null))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("Invalid cursor");
  }

  @Test
  void emptyTimeRangeIsRejected() {
    assertThatThrownBy(() -> parse(null, null, "2026-03-02", "2026-03-01T00:00:00Z", null, null,
        null))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("a time after from");
  }
}
