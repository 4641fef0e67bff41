package dev.claudenexus.api.costs;

import dev.claudenexus.api.testing.QueryDatabase;
import java.sql.SQLException;

class CostQueryH2Test extends CostQueryContract {

  @Override
  protected QueryDatabase openDatabase() throws SQLException {
    return QueryDatabase.h2();
  }
}
