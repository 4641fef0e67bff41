package dev.claudenexus.proxy;

import dev.claudenexus.storage.StorageWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Starts the storage writer, logs the effective settings once at start-up, and warns about settings
 * that weaken security.
 */
@ApplicationScoped
public class ProxyStartup {

  private static final Logger LOG = Logger.getLogger(ProxyStartup.class.getName());

  @Inject ProxySettings settings;
  @Inject StorageWriter storage;
  private volatile boolean started;

  /** Returns whether the start-up steps have run, which the {@code /health/started} check reports. */
  public boolean isStarted() {
    return started;
  }

  void started(@Observes @Initialized(ApplicationScoped.class) Object event) {
    storage.start();
    started = true;
    LOG.info(() -> "Proxy " + ServiceVersion.VERSION + " forwards /v1/* to " + settings.upstreamBaseUrl()
        + " (header timeout " + settings.upstreamTimeout().toMillis() + " ms, stream idle timeout "
        + (settings.streamIdleTimeout().isZero() ? "off" : settings.streamIdleTimeout().toMillis() + " ms")
        + ", up to " + settings.maxAttempts() + " attempts); credentials from "
        + settings.credentialsDirectory());
    if (!settings.clientAuthEnabled()) {
      LOG.warning("ENABLE_CLIENT_AUTH=false: any client can use the domains' upstream credentials,"
          + " and domains without a credential file pass the client's own key through");
    }
    if (settings.dashboardKey().isEmpty()) {
      LOG.warning("DASHBOARD_API_KEY is not set: /token-stats is readable without a key");
    }
  }
}
