package dev.claudenexus.launcher;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The rows that a backup must bring back, as text, in a fixed order. */
final class BackupSnapshot {

  private BackupSnapshot() {}

  static List<String> of(DataSource dataSource) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      read(statement, "SELECT request_id, conversation_id, branch_id, parent_request_id,"
          + " total_tokens, body, response_body FROM api_requests ORDER BY request_id", rows);
      read(statement, "SELECT request_id, chunk_index, data FROM streaming_chunks"
          + " ORDER BY request_id, chunk_index", rows);
      read(statement, "SELECT request_id, ordinal, prompt FROM task_invocations ORDER BY request_id",
          rows);
      read(statement, "SELECT hour_bucket, account_id, request_count, total_tokens"
          + " FROM rollup_usage_hours ORDER BY hour_bucket, account_id", rows);
    }
    return rows;
  }

  private static void read(Statement statement, String sql, List<String> rows) throws SQLException {
    try (ResultSet rs = statement.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(rs.getString(i)).append('|');
        }
        rows.add(row.toString());
      }
    }
  }

  /** Adds one request and removes one, so a restore has something to undo. */
  static void change(DataSource dataSource, StoredConversation conversation) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("DELETE FROM api_requests WHERE request_id = '"
          + conversation.continued + "'");
      statement.executeUpdate("INSERT INTO api_requests (request_id, domain, timestamp, method, path)"
          + " VALUES ('" + java.util.UUID.randomUUID() + "', 'b.example.com', CURRENT_TIMESTAMP,"
          + " 'POST', '/v1/messages')");
    }
  }
}
