package dev.claudenexus.api.requests;

import dev.claudenexus.api.testing.QueryDatabase;
import java.sql.SQLException;

class RequestDetailQueryH2Test extends RequestDetailQueryContract {

  @Override
  protected QueryDatabase openDatabase() throws SQLException {
    return QueryDatabase.h2();
  }
}
