package dev.claudenexus.schema;

import dev.claudenexus.testing.TestDatabase;
import java.sql.SQLException;

/** Runs against a fresh database when NEXUS_TEST_DATABASE_URL names a PostgreSQL server. */
class SchemaMigratorPostgresTest extends SchemaMigratorContract {

  @Override
  TestDatabase openDatabase() throws SQLException {
    return TestDatabase.postgres();
  }

  @Override
  DatabaseVendor expectedVendor() {
    return DatabaseVendor.POSTGRESQL;
  }
}
