package dev.claudenexus.dashboard;

import dev.claudenexus.schema.SchemaMigrator;
import dev.claudenexus.storage.DataSources;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Brings the database to the current schema when the dashboard starts, so it can start before the
 * proxy. The proxy does the same, and Flyway's lock lets only one of them migrate.
 */
@ApplicationScoped
public class DashboardStartup {

  private static final Logger LOG = Logger.getLogger(DashboardStartup.class.getName());
  private volatile boolean started;

  /** Returns whether the start-up steps have run, which the {@code /health/started} check reports. */
  public boolean isStarted() {
    return started;
  }

  void started(@Observes @Initialized(ApplicationScoped.class) Object event) {
    DashboardSettings settings = DashboardSettings.current();
    LOG.info(() -> "Dashboard started; browser sessions end after " + settings.sessionIdleMinutes()
        + " idle minutes");
    try {
      SchemaMigrator.migrate(DataSources.nexus());
    } catch (SQLException e) {
      LOG.log(Level.SEVERE, "The database is not available or could not be migrated; the dashboard"
          + " answers with errors until it is", e);
    }
    started = true;
  }
}
