package dev.claudenexus.api.conversations;

import dev.claudenexus.api.testing.QueryDatabase;
import java.sql.SQLException;

/** Runs against a fresh database when NEXUS_TEST_DATABASE_URL names a PostgreSQL server. */
class ConversationRequestsQueryPostgresTest extends ConversationRequestsQueryContract {

  @Override
  protected QueryDatabase openDatabase() throws SQLException {
    return QueryDatabase.postgres();
  }
}
