package dev.claudenexus.api.conversations;

import dev.claudenexus.api.errors.InvalidParameterException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;

/**
 * The position after the last conversation of a page: the timestamp and request id of its latest
 * request. Clients treat the encoded form as opaque.
 */
public record ConversationCursor(OffsetDateTime timestamp, UUID requestId) {

  private static final int MAX_ENCODED_LENGTH = 200;

  /** Returns the opaque form that clients send back as {@code cursor}. */
  public String encode() {
    String plain = timestamp.toInstant() + "|" + requestId;
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Decodes a {@code cursor} parameter.
   *
   * @throws InvalidParameterException when it is not a cursor this endpoint returned
   */
  public static ConversationCursor decode(String value) {
    try {
      if (value.length() <= MAX_ENCODED_LENGTH) {
        String plain = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
        int separator = plain.indexOf('|');
        if (separator > 0) {
          return new ConversationCursor(
              Instant.parse(plain.substring(0, separator)).atOffset(ZoneOffset.UTC),
              UUID.fromString(plain.substring(separator + 1)));
        }
      }
    } catch (IllegalArgumentException | DateTimeException e) {
      // answered below
    }
    throw new InvalidParameterException("cursor", "the nextCursor value of an earlier page", value);
  }
}
