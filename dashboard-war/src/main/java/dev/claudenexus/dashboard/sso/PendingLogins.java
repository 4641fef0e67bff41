package dev.claudenexus.dashboard.sso;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Logins that went to the provider and have not come back yet, keyed by their state. An entry is
 * taken once and expires after {@link #LIFETIME}. At most {@link #MAX_PENDING} wait at a time and
 * Caffeine evicts entries beyond that, so a flood of started logins cannot fill the heap.
 */
@ApplicationScoped
public class PendingLogins {

  static final Duration LIFETIME = Duration.ofMinutes(10);
  static final int MAX_PENDING = 10_000;

  /**
   * One started login.
   *
   * @param binding the random value also stored in the browser's session, so only that session
   *     can finish the login
   * @param redirectUri the redirect URI sent to the provider, which the code exchange must repeat
   * @param started when the login went to the provider
   */
  public record PendingLogin(CodeVerifier verifier, Nonce nonce, String binding, URI redirectUri,
      Instant started) {}

  private final Cache<String, PendingLogin> pending = Caffeine.newBuilder()
      .expireAfterWrite(LIFETIME)
      .maximumSize(MAX_PENDING)
      .build();

  void put(String state, PendingLogin login) {
    pending.put(state, login);
  }

  /** Removes and returns the login of this state, or empty when it is unknown, used or expired. */
  Optional<PendingLogin> take(String state) {
    PendingLogin login = pending.asMap().remove(state);
    if (login == null || login.started().plus(LIFETIME).isBefore(Instant.now())) {
      return Optional.empty();
    }
    return Optional.of(login);
  }
}
