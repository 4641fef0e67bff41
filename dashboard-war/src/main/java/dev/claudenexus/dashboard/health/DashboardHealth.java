package dev.claudenexus.dashboard.health;

import dev.claudenexus.dashboard.DashboardStartup;
import dev.claudenexus.storage.DataSources;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

/**
 * The dashboard's health checks. It is live while it answers, started once its start-up has run,
 * and ready while its database accepts a connection, since every page and API call reads it.
 */
@ApplicationScoped
public class DashboardHealth {

  private static final Logger LOG = Logger.getLogger(DashboardHealth.class.getName());
  private static final int VALIDATION_SECONDS = 2;

  @Inject DashboardStartup startup;

  @Produces
  @Liveness
  HealthCheck live() {
    return () -> HealthCheckResponse.up("claude-nexus-dashboard");
  }

  @Produces
  @Startup
  HealthCheck started() {
    return () -> HealthCheckResponse.named("claude-nexus-dashboard-started")
        .status(startup.isStarted()).build();
  }

  @Produces
  @Readiness
  HealthCheck ready() {
    return () -> {
      boolean available = databaseAvailable();
      return HealthCheckResponse.named("claude-nexus-dashboard-database").status(available)
          .withData("database", available ? "connected" : "disconnected").build();
    };
  }

  private static boolean databaseAvailable() {
    try (Connection connection = DataSources.nexus().getConnection()) {
      return connection.isValid(VALIDATION_SECONDS);
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.FINE, "The readiness check could not reach the database", e);
      return false;
    }
  }
}
