package dev.claudenexus.dashboard.realm;

import dev.claudenexus.api.sso.SsoClient;
import dev.claudenexus.api.sso.SsoException;
import dev.claudenexus.api.sso.SsoProvider;
import dev.claudenexus.api.sso.SsoTokens;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Keeps a single sign-on session's tokens current. Once they expire, the refresh token (when the
 * provider issued one) gets new ones. When there is none, the provider rejects it, or the user has
 * lost every group, the single sign-on login of the session ends and the user must log in again.
 */
final class SessionRefresh {

  private static final Logger LOG = Logger.getLogger(SessionRefresh.class.getName());

  private SessionRefresh() {}

  /** Returns the session's valid tokens, refreshed when needed, or empty when its login ended. */
  static Optional<SsoTokens> current(SsoProvider provider, HttpSession session, SsoTokens tokens) {
    if (Instant.now().isBefore(tokens.expiresAt())) {
      return Optional.of(tokens);
    }
    // One refresh per session at a time: parallel requests of a page wait for the first one.
    synchronized (session) {
      Optional<SsoTokens> latest = DashboardSession.ssoTokens(session);
      if (latest.isEmpty()) {
        return latest;
      }
      if (Instant.now().isBefore(latest.get().expiresAt())) {
        return latest;
      }
      String user = latest.get().identity().name();
      if (latest.get().refreshToken().isEmpty()) {
        LOG.fine(() -> "The single sign-on session of " + user + " expired without a refresh token");
        DashboardSession.endSso(session);
        return Optional.empty();
      }
      try {
        SsoTokens refreshed = new SsoClient(provider).refresh(latest.get());
        if (refreshed.identity().roles().isEmpty()) {
          LOG.info(() -> "Ended the single sign-on session of " + user
              + ": after a refresh the user is in none of the configured groups");
          DashboardSession.endSso(session);
          return Optional.empty();
        }
        DashboardSession.updateSsoTokens(session, refreshed);
        return Optional.of(refreshed);
      } catch (SsoException e) {
        LOG.info(() -> "Ended the single sign-on session of " + user + " because the refresh failed: "
            + e.getMessage());
        DashboardSession.endSso(session);
        return Optional.empty();
      }
    }
  }
}
