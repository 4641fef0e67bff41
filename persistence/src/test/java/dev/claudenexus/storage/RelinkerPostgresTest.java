package dev.claudenexus.storage;

import dev.claudenexus.testing.TestDatabase;
import java.sql.SQLException;

/** Runs against a fresh database when NEXUS_TEST_DATABASE_URL names a PostgreSQL server. */
class RelinkerPostgresTest extends RelinkerContract {

  @Override
  TestDatabase openDatabase() throws SQLException {
    return TestDatabase.postgres();
  }
}
