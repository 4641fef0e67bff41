package dev.claudenexus.api.audit;

import dev.claudenexus.api.ApiFlavor;
import dev.claudenexus.api.ContainerResources;
import dev.claudenexus.api.access.AuthenticationEvent;
import dev.claudenexus.audit.AuditAction;
import dev.claudenexus.audit.AuditEvent;
import dev.claudenexus.audit.AuditWriter;
import dev.claudenexus.config.NexusPaths;
import dev.claudenexus.storage.DataSources;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Records audit events of this war. Recording appends to the war's own journal under the data
 * directory ({@code audit-journal/proxy} or {@code audit-journal/dashboard}) and returns; the
 * {@link AuditWriter} thread moves the events into the database.
 *
 * <p>NOTE: two instances of one war that share a data directory would share a journal; give each
 * instance its own {@code NEXUS_HOME} or data directory.
 */
@ApplicationScoped
public class AuditTrail {

  static final int BATCH_SIZE = 200;
  static final Duration INTERVAL = Duration.ofMillis(500);
  private static final Logger LOG = Logger.getLogger(AuditTrail.class.getName());

  @Inject ApiFlavor flavor;
  @Inject Instance<HttpServletRequest> currentRequest;

  private AuditWriter writer;

  void started(@Observes @Initialized(ApplicationScoped.class) Object event) {
    writer = new AuditWriter(NexusPaths.dataDirectory().resolve("audit-journal").resolve(service()),
        DataSources::nexus, BATCH_SIZE, INTERVAL);
    writer.start(ContainerResources.threadFactory());
    LOG.info(() -> "Audit trail started for the " + service() + " service");
  }

  /** Returns the service name of this war: {@code proxy} or {@code dashboard}. */
  public String service() {
    return flavor.name().toLowerCase(Locale.ROOT);
  }

  /** Records that the caller of {@code request} did {@code action} on {@code targetId}. */
  public void record(HttpServletRequest request, AuditAction action, String targetId, int outcome) {
    record(Caller.of(request, service()), action, targetId, outcome);
  }

  /** Records an action of a known caller. */
  public void record(Caller caller, AuditAction action, String targetId, int outcome) {
    AuditEvent event = AuditEvent.now(caller.user(), caller.method(), action, targetId, outcome,
        caller.address(), caller.service());
    if (writer == null) {
      LOG.warning(() -> "The audit trail has not started; dropped " + action.code() + " of "
          + targetId);
      return;
    }
    writer.record(event);
  }

  /** Records logins, logouts and rejected logins that the key form or single sign-on report. */
  void authenticated(@Observes AuthenticationEvent event) {
    AuditAction action = switch (event.kind()) {
      case AuthenticationEvent.LOGIN -> AuditAction.LOGIN;
      case AuthenticationEvent.LOGOUT -> AuditAction.LOGOUT;
      default -> AuditAction.LOGIN_FAILED;
    };
    int outcome = action == AuditAction.LOGIN_FAILED ? 401 : 200;
    String port = currentPort();
    record(new Caller(event.user(), event.method(), event.address(), service() + port), action,
        null, outcome);
  }

  /** Returns ":port" of the request being served, or "" outside a request. */
  private String currentPort() {
    try {
      return ":" + currentRequest.get().getLocalPort();
    } catch (RuntimeException e) {
      return "";
    }
  }

  @PreDestroy
  void stop() {
    if (writer != null) {
      writer.stop();
    }
  }
}
