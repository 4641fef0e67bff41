package dev.claudenexus.proxy.oauth;

import dev.claudenexus.credentials.CredentialFile;
import dev.claudenexus.proxy.credentials.CredentialStore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Refreshes OAuth tokens that expire within {@link #WINDOW_MS} every 30 s, so an idle domain's first
 * request does not wait for a refresh.
 */
@ApplicationScoped
public class BackgroundRefresh {

  static final long WINDOW_MS = 5 * 60_000;
  private static final Logger LOG = Logger.getLogger(BackgroundRefresh.class.getName());

  @Inject CredentialStore credentials;
  @Inject OAuthRefresher refresher;

  private ScheduledFuture<?> task;

  void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
    try {
      ManagedScheduledExecutorService executor = (ManagedScheduledExecutorService)
          new InitialContext().lookup("java:comp/DefaultManagedScheduledExecutorService");
      task = executor.scheduleWithFixedDelay(this::refreshExpiring, 30, 30, TimeUnit.SECONDS);
    } catch (NamingException e) {
      LOG.warning("No managed scheduled executor; OAuth tokens are refreshed only on use: " + e);
    }
  }

  /** Refreshes every OAuth credential that expires soon; failures are logged by the refresher. */
  void refreshExpiring() {
    long now = System.currentTimeMillis();
    for (String domain : credentials.domains()) {
      CredentialFile file = credentials.forDomain(domain).orElse(null);
      if (file == null || file.oauth() == null || file.oauth().refreshToken() == null
          || !file.oauth().expiresWithin(WINDOW_MS, now)) {
        continue;
      }
      try {
        refresher.refresh(domain, WINDOW_MS);
      } catch (OAuthRefreshException e) {
        // Logged with its back-off by the refresher.
      }
    }
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }
}
