package dev.claudenexus.proxy.oauth;

import java.util.List;

/**
 * The answer of the token endpoint. The provider rotates refresh tokens, so {@code refreshToken} is
 * the new one, or the old one when the answer carried none.
 */
record RefreshedTokens(String accessToken, String refreshToken, long expiresAtMillis, List<String> scopes) {

  @Override
  public String toString() {
    return "RefreshedTokens[expiresAt=" + expiresAtMillis + ", scopes=" + scopes + "]";
  }
}
