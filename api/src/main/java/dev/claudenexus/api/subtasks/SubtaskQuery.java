package dev.claudenexus.api.subtasks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads the sub-agent requests of a task request, oldest first, through the parent-task index. */
final class SubtaskQuery {

  /** Most sub-agent requests returned for one task request. */
  static final int MAX_ROWS = 1000;

  private static final String SQL = "SELECT request_id, domain, timestamp, model, input_tokens,"
      + " output_tokens, duration_ms, response_status, conversation_id, branch_id, cost_usd"
      + " FROM api_requests WHERE parent_task_request_id = ? ORDER BY timestamp, request_id"
      + " FETCH FIRST " + MAX_ROWS + " ROWS ONLY";

  private final Connection connection;

  SubtaskQuery(Connection connection) {
    this.connection = connection;
  }

  List<SubtaskRow> subtasksOf(UUID taskRequestId) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(SQL)) {
      statement.setObject(1, taskRequestId);
      try (ResultSet rs = statement.executeQuery()) {
        List<SubtaskRow> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(new SubtaskRow(rs.getObject(1, UUID.class), rs.getString(2),
              rs.getObject(3, OffsetDateTime.class), rs.getString(4), rs.getLong(5), rs.getLong(6),
              rs.getObject(7, Integer.class), rs.getObject(8, Integer.class),
              rs.getObject(9, UUID.class), rs.getString(10), rs.getBigDecimal(11)));
        }
        return rows;
      }
    }
  }
}
