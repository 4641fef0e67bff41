package dev.claudenexus.api.requests;

import dev.claudenexus.api.errors.InvalidParameterException;
import java.util.Optional;
import java.util.UUID;

/** Validated {@code limit}, {@code offset} and {@code cursor} query parameters of a list. */
public record PageParameters(int limit, int offset, Optional<RequestCursor> cursor) {

  public static final int MAX_LIMIT = 500;
  static final int MAX_OFFSET = 1_000_000_000;

  /**
   * Parses the parameters; a missing one takes its default.
   *
   * @throws InvalidParameterException naming the first invalid parameter
   */
  static PageParameters parse(String limit, String offset, String cursor, int defaultLimit) {
    int parsedLimit = limit == null ? defaultLimit : number("limit", limit, 1, MAX_LIMIT);
    int parsedOffset = offset == null ? 0 : number("offset", offset, 0, MAX_OFFSET);
    Optional<RequestCursor> parsedCursor = Optional.ofNullable(cursor).map(RequestCursor::decode);
    if (parsedCursor.isPresent() && parsedOffset > 0) {
      throw new InvalidParameterException("offset", "0 or no offset together with a cursor", offset);
    }
    return new PageParameters(parsedLimit, parsedOffset, parsedCursor);
  }

  /**
   * Parses a request id path parameter.
   *
   * @throws InvalidParameterException when it is not a UUID
   */
  static UUID requestId(String value) {
    try {
      if (value.length() == 36) {
        return UUID.fromString(value);
      }
    } catch (IllegalArgumentException e) {
      // answered below
    }
    throw new InvalidParameterException("request id", "a UUID such as"
        + " 123e4567-e89b-12d3-a456-426614174000", value);
  }

  private static int number(String name, String value, int min, int max) {
    String expectation = "a whole number from " + min + " to " + max;
    if (value.isEmpty() || value.length() > 10 || !value.chars().allMatch(Character::isDigit)) {
      throw new InvalidParameterException(name, expectation, value);
    }
    long parsed = Long.parseLong(value);
    if (parsed < min || parsed > max) {
      throw new InvalidParameterException(name, expectation, value);
    }
    return (int) parsed;
  }
}
