package dev.claudenexus.api.sso;

import java.time.Instant;
import java.util.Set;

/**
 * A user authenticated by the OpenID Connect provider.
 *
 * @param name preferred_username, else email, else the subject
 * @param roles the dashboard roles the user's groups map to; empty when the user is in none of the
 *     configured groups
 * @param expiresAt when the token that proved the identity expires
 */
public record SsoIdentity(String name, Set<String> roles, Instant expiresAt) {

  public SsoIdentity {
    roles = Set.copyOf(roles);
  }
}
