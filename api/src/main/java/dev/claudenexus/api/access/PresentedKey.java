package dev.claudenexus.api.access;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Finds the dashboard key a request presents: {@code X-API-Key}, then {@code X-Dashboard-Key}, then
 * {@code Authorization: Bearer}, the order of the original product.
 */
public final class PresentedKey {

  private static final String BEARER = "Bearer ";

  private PresentedKey() {}

  /**
   * Returns the presented key, stripped, or empty when the request has none.
   *
   * @param header returns a request header by name, or {@code null} when it is absent
   */
  public static Optional<String> from(UnaryOperator<String> header) {
    for (String name : new String[] {"X-API-Key", "X-Dashboard-Key"}) {
      String value = header.apply(name);
      if (value != null && !value.isBlank()) {
        return Optional.of(value.strip());
      }
    }
    String authorization = header.apply("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      String token = authorization.substring(BEARER.length()).strip();
      return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
    return Optional.empty();
  }
}
