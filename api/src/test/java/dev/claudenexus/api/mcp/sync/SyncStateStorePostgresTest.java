package dev.claudenexus.api.mcp.sync;

import dev.claudenexus.api.testing.QueryDatabase;
import java.sql.SQLException;

class SyncStateStorePostgresTest extends SyncStateStoreContract {

  @Override
  protected QueryDatabase openDatabase() throws SQLException {
    return QueryDatabase.postgres();
  }
}
