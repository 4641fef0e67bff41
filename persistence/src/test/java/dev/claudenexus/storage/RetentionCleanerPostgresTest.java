package dev.claudenexus.storage;

import dev.claudenexus.testing.TestDatabase;
import java.sql.SQLException;

class RetentionCleanerPostgresTest extends RetentionCleanerContract {

  @Override
  TestDatabase openDatabase() throws SQLException {
    return TestDatabase.postgres();
  }
}
