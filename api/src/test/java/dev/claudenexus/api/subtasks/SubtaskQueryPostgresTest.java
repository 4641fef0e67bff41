package dev.claudenexus.api.subtasks;

import dev.claudenexus.api.testing.QueryDatabase;
import java.sql.SQLException;

/** Runs against a fresh database when NEXUS_TEST_DATABASE_URL names a PostgreSQL server. */
class SubtaskQueryPostgresTest extends SubtaskQueryContract {

  @Override
  protected QueryDatabase openDatabase() throws SQLException {
    return QueryDatabase.postgres();
  }
}
