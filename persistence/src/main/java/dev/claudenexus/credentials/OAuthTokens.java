package dev.claudenexus.credentials;

import java.util.List;

/**
 * The OAuth token pair of a credential file. {@code toString} never shows a token.
 *
 * @param expiresAtMillis expiry of the access token, epoch milliseconds
 * @param refreshToken {@code null} when the file has none, so the token cannot be refreshed
 */
public record OAuthTokens(
    String accessToken, String refreshToken, long expiresAtMillis, List<String> scopes) {

  public OAuthTokens {
    scopes = scopes == null ? List.of() : List.copyOf(scopes);
  }

  /** Returns whether the access token expires within {@code marginMillis} of {@code nowMillis}. */
  public boolean expiresWithin(long marginMillis, long nowMillis) {
    return expiresAtMillis - marginMillis <= nowMillis;
  }

  @Override
  public String toString() {
    return "OAuthTokens[expiresAt=" + expiresAtMillis + ", refreshToken="
        + (refreshToken == null ? "absent" : "present") + ", scopes=" + scopes + "]";
  }
}
