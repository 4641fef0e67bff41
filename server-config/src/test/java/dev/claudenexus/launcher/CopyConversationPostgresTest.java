package dev.claudenexus.launcher;

import java.sql.SQLException;

/** Copies between two PostgreSQL databases, when NEXUS_TEST_DATABASE_URL names a server. */
class CopyConversationPostgresTest extends CopyConversationContract {

  @Override
  ToolsDatabase openSource() throws SQLException {
    return ToolsDatabase.postgres();
  }

  @Override
  ToolsDatabase openDestination() throws SQLException {
    return ToolsDatabase.postgres();
  }
}
