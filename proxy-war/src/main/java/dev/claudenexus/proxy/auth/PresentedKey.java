package dev.claudenexus.proxy.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * The client key a request presents: {@code x-api-key}, else the token of
 * {@code Authorization: Bearer <token>} (scheme case-insensitive).
 *
 * @param key the key, or {@code null} when none was sent
 * @param malformedAuthorization whether an {@code Authorization} header was sent in another form and
 *     no {@code x-api-key} was sent
 */
record PresentedKey(String key, boolean malformedAuthorization) {

  static PresentedKey of(HttpServletRequest request) {
    String apiKey = request.getHeader("x-api-key");
    if (apiKey != null && !apiKey.isBlank()) {
      return new PresentedKey(apiKey.strip(), false);
    }
    String authorization = request.getHeader("Authorization");
    if (authorization == null || authorization.isBlank()) {
      return new PresentedKey(null, false);
    }
    String value = authorization.strip();
    if (value.length() > 7
        && value.substring(0, 6).toLowerCase(Locale.ROOT).equals("bearer")
        && Character.isWhitespace(value.charAt(6))) {
      String token = value.substring(7).strip();
      return token.isEmpty() ? new PresentedKey(null, true) : new PresentedKey(token, false);
    }
    return new PresentedKey(null, true);
  }
}
