package dev.claudenexus.audit;

import dev.claudenexus.testing.TestDatabase;
import java.sql.SQLException;

class AuditWriterPostgresTest extends AuditWriterContract {

  @Override
  TestDatabase openDatabase() throws SQLException {
    return TestDatabase.postgres();
  }
}
