package dev.claudenexus.systemtests;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Reads what the proxy stored, waiting for the storage writer's asynchronous batches. */
final class StoredRequests {

  private final NexusServer server;

  StoredRequests(NexusServer server) {
    this.server = server;
  }

  /** Waits until the row of a request exists and returns its columns by lower-case name. */
  Map<String, Object> await(String requestId) throws Exception {
    long deadline = System.nanoTime() + NexusServer.rowTimeout().toNanos();
    while (System.nanoTime() < deadline) {
      Map<String, Object> row = find(requestId);
      if (row != null) {
        return row;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("Request " + requestId + " was not stored within "
        + NexusServer.rowTimeout().toSeconds() + " s");
  }

  Map<String, Object> find(String requestId) throws SQLException {
    List<Map<String, Object>> rows =
        query("SELECT * FROM api_requests WHERE request_id = ?", UUID.fromString(requestId));
    return rows.isEmpty() ? null : rows.get(0);
  }

  /** Returns the stored chunks of a request in order. */
  List<Map<String, Object>> chunks(String requestId) throws SQLException {
    return query("SELECT * FROM streaming_chunks WHERE request_id = ? ORDER BY chunk_index",
        UUID.fromString(requestId));
  }

  long count(String whereClause, Object... parameters) throws SQLException {
    List<Map<String, Object>> rows =
        query("SELECT COUNT(*) AS n FROM api_requests WHERE " + whereClause, parameters);
    return ((Number) rows.get(0).get("n")).longValue();
  }

  /** Waits until {@code count(whereClause)} reaches {@code expected}. */
  long awaitCount(long expected, Duration timeout, String whereClause, Object... parameters)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    long found = 0;
    while (System.nanoTime() < deadline) {
      found = count(whereClause, parameters);
      if (found >= expected) {
        return found;
      }
      Thread.sleep(200);
    }
    return found;
  }

  List<Map<String, Object>> query(String sql, Object... parameters) throws SQLException {
    try (Connection connection = server.database.connect();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet resultSet = statement.executeQuery()) {
        ResultSetMetaData meta = resultSet.getMetaData();
        List<Map<String, Object>> rows = new ArrayList<>();
        while (resultSet.next()) {
          Map<String, Object> row = new HashMap<>();
          for (int column = 1; column <= meta.getColumnCount(); column++) {
            Object value = resultSet.getObject(column);
            if (value instanceof java.sql.Clob clob) {
              value = clob.getSubString(1, (int) clob.length());
            } else if (value != null && value.getClass().getName().equals("org.postgresql.util.PGobject")) {
              value = value.toString();
            }
            row.put(meta.getColumnLabel(column).toLowerCase(Locale.ROOT), value);
          }
          rows.add(row);
        }
        return rows;
      }
    }
  }
}
