package dev.claudenexus.api.hourly;

import dev.claudenexus.api.testing.QueryDatabase;
import java.sql.SQLException;

class HourlyUsageQueryH2Test extends HourlyUsageQueryContract {

  @Override
  protected QueryDatabase openDatabase() throws SQLException {
    return QueryDatabase.h2();
  }
}
