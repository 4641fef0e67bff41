package dev.claudenexus.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings a database to the current schema with the vendor's Flyway migrations. Several processes may
 * call it at once. On PostgreSQL a {@link MigrationLock} lets one process migrate while the others
 * wait and then find nothing to do. Calls within one JVM (the storage writer and the MCP sync of the
 * proxy) take turns. That is all that protects an H2 database, because H2 has no advisory locks.
 * Two connections that baseline an empty database at once make the second fail with "Unable to
 * baseline schema history table".
 * A database created by the original product is adopted: its rows stay and are marked as hashed by
 * the original.
 */
public final class SchemaMigrator {

  private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

  private SchemaMigrator() {}

  /**
   * Migrates the database behind {@code dataSource} and returns its vendor.
   *
   * @throws SQLException when the database cannot be reached or a migration fails
   */
  public static synchronized DatabaseVendor migrate(DataSource dataSource) throws SQLException {
    return migrateLocked(dataSource);
  }

  /**
   * Migrates as {@link #migrate} does, without taking the JVM-wide turn, so a test can act as
   * several processes that start on one database together.
   */
  static DatabaseVendor migrateLocked(DataSource dataSource) throws SQLException {
    try (Connection lockConnection = dataSource.getConnection()) {
      DatabaseVendor vendor = DatabaseVendor.of(lockConnection);
      if (vendor != DatabaseVendor.POSTGRESQL) {
        return runFlyway(dataSource, vendor);
      }
      MigrationLock lock = MigrationLock.acquire(lockConnection);
      try {
        return runFlyway(dataSource, vendor);
      } finally {
        lock.release();
      }
    }
  }

  private static DatabaseVendor runFlyway(DataSource dataSource, DatabaseVendor vendor)
      throws SQLException {
    try {
      MigrateResult result =
          Flyway.configure(SchemaMigrator.class.getClassLoader())
              .dataSource(dataSource)
              .locations(vendor.migrationLocation())
              .javaMigrations(new RollupFill())
              // A database written by the original product has its tables but no history, so it is
              // baselined below version 1 and every migration runs. Each one skips what exists.
              .baselineOnMigrate(true)
              .baselineVersion("0")
              .baselineDescription("tables found before the first migration")
              .load()
              .migrate();
      LOG.info(
          () ->
              result.migrationsExecuted == 0
                  ? "Database schema is up to date (" + vendor + ")"
                  : "Database schema is at version " + result.targetSchemaVersion + " (" + vendor
                      + ", " + result.migrationsExecuted + " migrations applied now)");
      return vendor;
    } catch (RuntimeException e) {
      throw new SQLException("Database migration failed: " + e.getMessage(), e);
    }
  }
}
