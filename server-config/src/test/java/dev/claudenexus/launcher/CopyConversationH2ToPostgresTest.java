package dev.claudenexus.launcher;

import java.sql.SQLException;

/**
 * Copies from the embedded H2 database, the default of the services, into PostgreSQL, when
 * NEXUS_TEST_DATABASE_URL names a server.
 */
class CopyConversationH2ToPostgresTest extends CopyConversationContract {

  @Override
  ToolsDatabase openSource() {
    return ToolsDatabase.h2();
  }

  @Override
  ToolsDatabase openDestination() throws SQLException {
    return ToolsDatabase.postgres();
  }
}
