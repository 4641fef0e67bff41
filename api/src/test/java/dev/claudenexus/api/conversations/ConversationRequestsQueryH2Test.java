package dev.claudenexus.api.conversations;

import dev.claudenexus.api.testing.QueryDatabase;
import java.sql.SQLException;

class ConversationRequestsQueryH2Test extends ConversationRequestsQueryContract {

  @Override
  protected QueryDatabase openDatabase() throws SQLException {
    return QueryDatabase.h2();
  }
}
