package dev.claudenexus.api.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudenexus.api.errors.InvalidParameterException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryParametersTest {

  @Test
  void wholeNumberDefaultsWhenMissing() {
    assertThat(QueryParameters.wholeNumber("days", null, 1, 30, 7)).isEqualTo(7);
    assertThat(QueryParameters.wholeNumber("days", "30", 1, 30, 7)).isEqualTo(30);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "-1", "0", "31", "1.5", "1e3", "abc", "99999999999999999999",
      "１２", "7; DROP TABLE api_requests", "invalid"})
  void wholeNumberRejectsInvalid(String value) {
    assertThatThrownBy(() -> QueryParameters.wholeNumber("days", value, 1, 30, 7))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageStartingWith("Invalid days ")
        .hasMessageEndingWith("expected a whole number from 1 to 30");
  }

  @Test
  void flagAcceptsTrueFalseAndEmpty() {
    assertThat(QueryParameters.flag("aggregate", null, false)).isFalse();
    assertThat(QueryParameters.flag("aggregate", "", false)).isTrue();
    assertThat(QueryParameters.flag("aggregate", "TRUE", false)).isTrue();
    assertThat(QueryParameters.flag("aggregate", "false", true)).isFalse();
    assertThatThrownBy(() -> QueryParameters.flag("aggregate", "yes", false))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage("Invalid aggregate \"yes\": expected true or false");
  }

  @Test
  void instantAcceptsDateAndOffsetTime() {
    assertThat(QueryParameters.instant("since", "2025-01-31"))
        .contains(OffsetDateTime.of(2025, 1, 31, 0, 0, 0, 0, ZoneOffset.UTC));
    assertThat(QueryParameters.instant("since", "2025-01-31T12:00:00+02:00"))
        .contains(OffsetDateTime.of(2025, 1, 31, 10, 0, 0, 0, ZoneOffset.UTC));
    assertThat(QueryParameters.instant("since", null)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"yesterday", "2025-01-31T12:00:00", "2025-02-30", "1738000000",
      "2025-01-31T12:00:00Z' OR '1'='1"})
  void instantRejectsInvalid(String value) {
    assertThatThrownBy(() -> QueryParameters.instant("since", value))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageStartingWith("Invalid since ")
        .hasMessageContaining("ISO-8601");
  }

  @Test
  void textRejectsControlCharactersAndOverlongValues() {
    assertThat(QueryParameters.text("domain", " a.example.com ")).contains("a.example.com");
    assertThat(QueryParameters.text("domain", "  ")).isEmpty();
    assertThat(QueryParameters.text("domain", "x' OR '1'='1")).contains("x' OR '1'='1");
    assertThatThrownBy(() -> QueryParameters.text("domain", "a\nb"))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("without control characters");
    assertThatThrownBy(() -> QueryParameters.text("accountId", "a".repeat(10_000)))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageStartingWith("Invalid accountId ")
        .hasMessageContaining("...\": expected at most 255 characters");
  }

  @Test
  void uuidRejectsOtherText() {
    assertThatThrownBy(() -> QueryParameters.uuid("id", "../../etc/passwd"))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageStartingWith("Invalid id ");
    assertThatThrownBy(() -> QueryParameters.uuid("id", "1-1-1-1-1"))
        .isInstanceOf(InvalidParameterException.class);
  }
}
