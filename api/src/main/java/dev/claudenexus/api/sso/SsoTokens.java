package dev.claudenexus.api.sso;

import java.time.Instant;
import java.util.Optional;

/**
 * The tokens of one single sign-on session, kept on the server only.
 *
 * @param idToken the latest ID token, sent back to the provider as {@code id_token_hint} at logout
 * @param refreshToken the refresh token, when the provider issued one
 * @param identity the user the ID token names, with their roles
 * @param expiresAt when the session must be refreshed: the earlier of the ID token's expiry and the
 *     access token's lifetime
 */
public record SsoTokens(String idToken, Optional<String> refreshToken, SsoIdentity identity,
    Instant expiresAt) {

  @Override
  public String toString() {
    return "SsoTokens[user=" + identity.name() + ", expiresAt=" + expiresAt + "]";
  }
}
