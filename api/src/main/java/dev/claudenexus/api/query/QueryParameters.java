package dev.claudenexus.api.query;

import dev.claudenexus.api.errors.InvalidParameterException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * Parsers for query and path parameters. A missing parameter ({@code null}) takes its default; a
 * present but invalid one raises {@link InvalidParameterException}, which the API rejects with 400.
 */
public final class QueryParameters {

  /** Longest accepted domain, account id or model name: the width of their columns. */
  public static final int MAX_TEXT_LENGTH = 255;

  private QueryParameters() {}

  /** Parses a whole number from {@code min} to {@code max}. */
  public static int wholeNumber(String name, String value, int min, int max, int defaultValue) {
    if (value == null) {
      return defaultValue;
    }
    String expectation = "a whole number from " + min + " to " + max;
    String digits = value.strip();
    if (digits.isEmpty() || digits.length() > 10 || !digits.chars().allMatch(QueryParameters::isDigit)) {
      throw new InvalidParameterException(name, expectation, value);
    }
    long parsed = Long.parseLong(digits);
    if (parsed < min || parsed > max) {
      throw new InvalidParameterException(name, expectation, value);
    }
    return (int) parsed;
  }

  /** Parses {@code true} or {@code false} (any case); an empty value, as in {@code ?flag}, is true. */
  public static boolean flag(String name, String value, boolean defaultValue) {
    if (value == null) {
      return defaultValue;
    }
    String text = value.strip();
    if (text.isEmpty() || text.equalsIgnoreCase("true")) {
      return true;
    }
    if (text.equalsIgnoreCase("false")) {
      return false;
    }
    throw new InvalidParameterException(name, "true or false", value);
  }

  /**
   * Parses a point in time: an ISO-8601 date-time with an offset ({@code 2025-01-31T10:00:00Z}) or a
   * date ({@code 2025-01-31}, meaning its start in UTC).
   */
  public static Optional<OffsetDateTime> instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String text = value.strip();
    try {
      if (text.length() == 10) {
        return Optional.of(LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC));
      }
      if (text.length() <= 40) {
        return Optional.of(OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC));
      }
    } catch (DateTimeException e) {
      // answered below
    }
    throw new InvalidParameterException(name,
        "an ISO-8601 date-time with offset such as 2025-01-31T10:00:00Z, or a date such as 2025-01-31",
        value);
  }

  /** Parses a UTC date in the form {@code YYYY-MM-DD}. */
  public static Optional<LocalDate> date(String name, String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String text = value.strip();
    try {
      if (text.length() == 10) {
        return Optional.of(LocalDate.parse(text));
      }
    } catch (DateTimeException e) {
      // answered below
    }
    throw new InvalidParameterException(name, "a date in the form YYYY-MM-DD", value);
  }

  /**
   * Parses an optional name such as a domain, account id or model: stripped, at most
   * {@value #MAX_TEXT_LENGTH} characters and free of control characters. Blank means absent.
   */
  public static Optional<String> text(String name, String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String text = value.strip();
    if (text.length() > MAX_TEXT_LENGTH || text.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidParameterException(name,
          "at most " + MAX_TEXT_LENGTH + " characters without control characters", value);
    }
    return Optional.of(text);
  }

  /** Parses a request or conversation id. */
  public static UUID uuid(String name, String value) {
    try {
      if (value != null && value.length() == 36) {
        return UUID.fromString(value);
      }
    } catch (IllegalArgumentException e) {
      // answered below
    }
    throw new InvalidParameterException(name, "a UUID such as 123e4567-e89b-12d3-a456-426614174000",
        String.valueOf(value));
  }

  /** Returns the current time in UTC, truncated to milliseconds as the database stores it. */
  public static OffsetDateTime now() {
    return Instant.ofEpochMilli(System.currentTimeMillis()).atOffset(ZoneOffset.UTC);
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }
}
