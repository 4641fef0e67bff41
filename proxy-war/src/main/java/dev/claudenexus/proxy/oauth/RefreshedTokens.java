package dev.claudenexus.proxy.oauth;

import java.util.List;

/**
 * Token pair returned by the token endpoint. The provider rotates refresh tokens, so
 * {@code refreshToken} is the new one, or the old one when the response contained none.
 */
record RefreshedTokens(String accessToken, String refreshToken, long expiresAtMillis, List<String> scopes) {

  @Override
  public String toString() {
    return "RefreshedTokens[expiresAt=" + expiresAtMillis + ", scopes=" + scopes + "]";
  }
}
