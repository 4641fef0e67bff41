package dev.claudenexus.api.stats;

import dev.claudenexus.api.testing.QueryDatabase;
import java.sql.SQLException;

class StatsQueryH2Test extends StatsQueryContract {

  @Override
  protected QueryDatabase openDatabase() throws SQLException {
    return QueryDatabase.h2();
  }
}
