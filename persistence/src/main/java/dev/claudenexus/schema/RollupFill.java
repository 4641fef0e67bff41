package dev.claudenexus.schema;

import dev.claudenexus.rollup.UsageRollups;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 8.1: fills the rollup tables that V8 creates from the requests stored before it, with
 * the same SQL that keeps them afterwards. It runs once, in Flyway's transaction.
 */
final class RollupFill implements JavaMigration {

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("8.1");
  }

  @Override
  public String getDescription() {
    return "fill usage rollups";
  }

  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws Exception {
    new UsageRollups(DatabaseVendor.of(context.getConnection())).rebuildAll(context.getConnection());
  }
}
