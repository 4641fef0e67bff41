package dev.claudenexus.api.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.logging.Logger;

/** Logs the access mode of {@code /api/*} once when the war starts, and warns in read-only mode. */
@ApplicationScoped
public class AccessStartup {

  private static final Logger LOG = Logger.getLogger(AccessStartup.class.getName());

  void started(@Observes @Initialized(ApplicationScoped.class) Object event) {
    AccessSettings settings = AccessSettings.current();
    if (settings.readOnly()) {
      LOG.warning("DASHBOARD_API_KEY is not set, so /api/* runs in read-only mode: all stored prompts"
          + " and responses are readable by anyone who can reach this port. Writes are refused, and"
          + " reads are limited to " + settings.readRequestsPerMinute()
          + " per minute per client (0 means no limit). Set DASHBOARD_API_KEY to require a key.");
    } else if (settings.singleSignOn()) {
      LOG.info(() -> "/api/* requires the dashboard key, a dashboard session or a token of the"
          + " single sign-on provider; " + dev.claudenexus.api.sso.SsoProvider.current()
              .map(provider -> provider.settings().toString()).orElse(""));
    } else {
      LOG.info("/api/* requires the dashboard key or a dashboard session");
    }
    settings.shortKeyWarning().ifPresent(LOG::warning);
    if (!settings.corsOrigins().isEmpty()) {
      LOG.info(() -> "/api/* allows cross-origin requests from " + settings.corsOrigins());
    }
  }
}
