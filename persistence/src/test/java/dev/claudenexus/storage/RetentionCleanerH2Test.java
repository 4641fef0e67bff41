package dev.claudenexus.storage;

import dev.claudenexus.testing.TestDatabase;
import java.sql.SQLException;

class RetentionCleanerH2Test extends RetentionCleanerContract {

  @Override
  TestDatabase openDatabase() throws SQLException {
    return TestDatabase.h2();
  }
}
