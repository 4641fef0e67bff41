package dev.claudenexus.api.mcp.sync;

import dev.claudenexus.api.testing.QueryDatabase;
import java.sql.SQLException;

class SyncStateStoreH2Test extends SyncStateStoreContract {

  @Override
  protected QueryDatabase openDatabase() throws SQLException {
    return QueryDatabase.h2();
  }
}
