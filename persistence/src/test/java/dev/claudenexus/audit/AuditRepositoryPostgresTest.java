package dev.claudenexus.audit;

import dev.claudenexus.testing.TestDatabase;
import java.sql.SQLException;

class AuditRepositoryPostgresTest extends AuditRepositoryContract {

  @Override
  TestDatabase openDatabase() throws SQLException {
    return TestDatabase.postgres();
  }
}
