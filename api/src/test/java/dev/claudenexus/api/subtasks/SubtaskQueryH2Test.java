package dev.claudenexus.api.subtasks;

import dev.claudenexus.api.testing.QueryDatabase;
import java.sql.SQLException;

class SubtaskQueryH2Test extends SubtaskQueryContract {

  @Override
  protected QueryDatabase openDatabase() throws SQLException {
    return QueryDatabase.h2();
  }
}
