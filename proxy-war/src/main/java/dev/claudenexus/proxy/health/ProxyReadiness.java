package dev.claudenexus.proxy.health;

import dev.claudenexus.proxy.ServiceVersion;
import dev.claudenexus.storage.StorageWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/** Reports the proxy with the original's fields: service, version and database state. */
@Readiness
@Liveness
@ApplicationScoped
public class ProxyReadiness implements HealthCheck {

  @Inject StorageWriter storage;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder builder = HealthCheckResponse.named("claude-nexus-proxy")
        .up()
        .withData("service", "claude-nexus")
        .withData("version", ServiceVersion.VERSION);
    if (!storage.isEnabled()) {
      return builder.withData("database", "disabled").build();
    }
    boolean connected = storage.isDatabaseAvailable();
    return builder
        .withData("database", connected ? "connected" : "disconnected")
        .withData("status", connected ? "healthy" : "degraded")
        .withData("journalBytes", storage.journalBytes())
        .withData("queuedRecords", storage.queuedRecords())
        .build();
  }
}
