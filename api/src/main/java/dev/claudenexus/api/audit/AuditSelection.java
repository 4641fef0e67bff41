package dev.claudenexus.api.audit;

import dev.claudenexus.api.errors.InvalidParameterException;
import dev.claudenexus.audit.AuditAction;
import dev.claudenexus.audit.AuditQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Parses the filters of {@code GET /api/audit} and the audit page into an {@link AuditQuery}. Blank
 * values mean no filter; anything malformed raises {@link InvalidParameterException} (400).
 */
public final class AuditSelection {

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 500;
  private static final int MAX_TEXT = 255;

  private AuditSelection() {}

  /**
   * Returns the query for the parameters.
   *
   * @param from earliest time, inclusive: an ISO-8601 instant or a date (its start, UTC)
   * @param to latest time, exclusive: an ISO-8601 instant or a date (the start of the day after)
   * @param limit events per page, 1 to {@value #MAX_LIMIT}
   */
  public static AuditQuery parse(String user, String action, String from, String to, String id,
      String cursor, String limit) {
    Optional<OffsetDateTime> start = present(from).map(value -> time("from", value, false));
    Optional<OffsetDateTime> end = present(to).map(value -> time("to", value, true));
    if (start.isPresent() && end.isPresent() && !start.get().isBefore(end.get())) {
      throw new InvalidParameterException("to", "a time after from (" + from + ")", to);
    }
    return new AuditQuery(present(user).map(value -> text("user", value)),
        present(action).map(AuditSelection::action), start, end,
        present(id).map(value -> text("id", value)), present(cursor).map(AuditCursor::decode),
        limit(limit));
  }

  private static Optional<String> present(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  private static String text(String name, String value) {
    if (value.length() > MAX_TEXT || value.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidParameterException(name,
          "at most " + MAX_TEXT + " characters without control characters", value);
    }
    return value;
  }

  private static AuditAction action(String value) {
    return AuditAction.fromCode(value).orElseThrow(
        () -> new InvalidParameterException("action", "one of " + AuditAction.codes(), value));
  }

  private static OffsetDateTime time(String name, String value, boolean endOfDay) {
    try {
      if (value.length() == 10) {
        LocalDate day = LocalDate.parse(value);
        return (endOfDay ? day.plusDays(1) : day).atStartOfDay().atOffset(ZoneOffset.UTC);
      }
      return Instant.parse(value).atOffset(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new InvalidParameterException(name,
          "an ISO-8601 time such as 2026-03-01T12:00:00Z, or a date such as 2026-03-01", value);
    }
  }

  private static int limit(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_LIMIT;
    }
    try {
      int parsed = Integer.parseInt(value.strip());
      if (parsed >= 1 && parsed <= MAX_LIMIT) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // Reported below with the expected range.
    }
    throw new InvalidParameterException("limit", "a number from 1 to " + MAX_LIMIT, value);
  }
}
