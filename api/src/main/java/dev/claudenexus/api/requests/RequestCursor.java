package dev.claudenexus.api.requests;

import dev.claudenexus.api.errors.InvalidParameterException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/**
 * The position after the last row of a page, newest first: its timestamp and request id. The next
 * page starts strictly below it, so it costs an index range scan however deep it is.
 */
public record RequestCursor(OffsetDateTime timestamp, UUID requestId) {

  /** Returns the opaque form clients send back as {@code cursor}. */
  public String encode() {
    String plain = timestamp.toInstant() + "|" + requestId;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Decodes a {@code cursor} parameter.
   *
   * @throws InvalidParameterException when it is not a cursor this API returned
   */
  public static RequestCursor decode(String value) {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
      int separator = plain.indexOf('|');
      if (separator > 0) {
        return new RequestCursor(
            Instant.parse(plain.substring(0, separator)).atOffset(ZoneOffset.UTC),
            UUID.fromString(plain.substring(separator + 1)));
      }
    } catch (IllegalArgumentException | DateTimeParseException e) {
      // answered below
    }
    throw new InvalidParameterException("cursor", "the nextCursor value of an earlier page", value);
  }
}
