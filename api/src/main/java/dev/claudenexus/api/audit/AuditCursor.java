package dev.claudenexus.api.audit;

import dev.claudenexus.api.errors.InvalidParameterException;
import dev.claudenexus.audit.AuditQuery;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/** The {@code cursor} of audit pages: the position of a page's last event, base64url-encoded. */
final class AuditCursor {

  private static final int MAX_LENGTH = 200;

  private AuditCursor() {}

  static String encode(AuditQuery.Position position) {
    String text = position.occurredAt() + "|" + position.eventId();
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Decodes a cursor.
   *
   * @throws InvalidParameterException when it is not a cursor that an audit page returned
   */
  static AuditQuery.Position decode(String cursor) {
    if (cursor.length() > MAX_LENGTH) {
      throw invalid(cursor);
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      int separator = text.indexOf('|');
      if (separator < 0) {
        throw invalid(cursor);
      }
      return new AuditQuery.Position(OffsetDateTime.parse(text.substring(0, separator)),
          UUID.fromString(text.substring(separator + 1)));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw invalid(cursor);
    }
  }

  private static InvalidParameterException invalid(String cursor) {
    return new InvalidParameterException("cursor", "the nextCursor of an earlier audit page", cursor);
  }
}
