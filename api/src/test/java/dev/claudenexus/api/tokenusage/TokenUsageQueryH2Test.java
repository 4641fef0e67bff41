package dev.claudenexus.api.tokenusage;

import dev.claudenexus.api.testing.QueryDatabase;
import java.sql.SQLException;

class TokenUsageQueryH2Test extends TokenUsageQueryContract {

  @Override
  protected QueryDatabase openDatabase() throws SQLException {
    return QueryDatabase.h2();
  }
}
