package dev.claudenexus.analysis;

import dev.claudenexus.testing.TestDatabase;
import java.sql.SQLException;

class AnalysisRepositoryPostgresTest extends AnalysisRepositoryContract {

  @Override
  TestDatabase createDatabase() throws SQLException {
    return TestDatabase.postgres();
  }
}
