package dev.claudenexus.api.conversations;

import dev.claudenexus.api.testing.QueryDatabase;
import java.sql.SQLException;

class ConversationQueryH2Test extends ConversationQueryContract {

  @Override
  protected QueryDatabase openDatabase() throws SQLException {
    return QueryDatabase.h2();
  }
}
