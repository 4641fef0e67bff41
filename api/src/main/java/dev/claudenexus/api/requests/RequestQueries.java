package dev.claudenexus.api.requests;

import dev.claudenexus.storage.DataSources;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads stored requests for the API: one query layer behind both ports' shapes. */
public final class RequestQueries {

  /** A page of rows, newest first; {@code total} is -1 when the caller did not ask for it. */
  public record Page(List<RequestRow> rows, long total, Optional<RequestCursor> next) {}

  /** One streaming chunk of a request. */
  record Chunk(int index, java.time.OffsetDateTime timestamp, String eventType, String data,
      int tokenCount) {}

  private RequestQueries() {}

  public static Page list(String domain, PageParameters page, boolean withBodies, boolean withTotal)
      throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT ").append(RequestRow.columns(withBodies))
        .append(" FROM api_requests WHERE 1 = 1");
    List<Object> parameters = new ArrayList<>();
    if (domain != null) {
      sql.append(" AND domain = ?");
      parameters.add(domain);
    }
    page.cursor().ifPresent(cursor -> {
      // The redundant "timestamp <= ?" lets the database start its index scan at the cursor.
      sql.append(" AND timestamp <= ? AND (timestamp < ? OR (timestamp = ? AND request_id < ?))");
      parameters.add(cursor.timestamp());
      parameters.add(cursor.timestamp());
      parameters.add(cursor.timestamp());
      parameters.add(cursor.requestId());
    });
    // One row more than the page shows whether another page follows.
    sql.append(" ORDER BY timestamp DESC, request_id DESC LIMIT ? OFFSET ?");
    parameters.add(page.limit() + 1);
    parameters.add(page.offset());

    List<RequestRow> rows = new ArrayList<>();
    try (Connection connection = DataSources.nexus().getConnection()) {
      try (PreparedStatement statement = prepare(connection, sql.toString(), parameters);
          ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          rows.add(RequestRow.read(rs));
        }
      }
      boolean more = rows.size() > page.limit();
      if (more) {
        rows.remove(rows.size() - 1);
      }
      long total = withTotal ? count(connection, domain) : -1;
      Optional<RequestCursor> next = more ? Optional.of(rows.get(rows.size() - 1).cursor()) : Optional.empty();
      return new Page(rows, total, next);
    }
  }

  /**
   * Returns up to {@code count} requests newer than {@code position}, oldest first, without bodies.
   * Reversed, they are the page that ends just before {@code position}; the walk follows the
   * {@code (timestamp DESC, request_id DESC)} index backwards.
   */
  public static List<RequestRow> newer(String domain, RequestCursor position, int count)
      throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT ").append(RequestRow.columns(false))
        .append(" FROM api_requests WHERE timestamp >= ?")
        .append(" AND (timestamp > ? OR (timestamp = ? AND request_id > ?))");
    List<Object> parameters = new ArrayList<>(List.of(position.timestamp(), position.timestamp(),
        position.timestamp(), position.requestId()));
    if (domain != null) {
      sql.append(" AND domain = ?");
      parameters.add(domain);
    }
    sql.append(" ORDER BY timestamp ASC, request_id ASC LIMIT ?");
    parameters.add(count);
    List<RequestRow> rows = new ArrayList<>();
    try (Connection connection = DataSources.nexus().getConnection();
        PreparedStatement statement = prepare(connection, sql.toString(), parameters);
        ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        rows.add(RequestRow.read(rs));
      }
    }
    return rows;
  }

  static Optional<RequestRow> find(UUID requestId) throws SQLException {
    String sql = "SELECT " + RequestRow.columns(true) + " FROM api_requests WHERE request_id = ?";
    try (Connection connection = DataSources.nexus().getConnection();
        PreparedStatement statement = prepare(connection, sql, List.of(requestId));
        ResultSet rs = statement.executeQuery()) {
      return rs.next() ? Optional.of(RequestRow.read(rs)) : Optional.empty();
    }
  }

  static List<Chunk> chunks(UUID requestId) throws SQLException {
    String sql = "SELECT chunk_index, timestamp, event_type, data, token_count FROM streaming_chunks"
        + " WHERE request_id = ? ORDER BY chunk_index";
    List<Chunk> chunks = new ArrayList<>();
    try (Connection connection = DataSources.nexus().getConnection();
        PreparedStatement statement = prepare(connection, sql, List.of(requestId));
        ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        chunks.add(new Chunk(rs.getInt(1), rs.getObject(2, java.time.OffsetDateTime.class),
            rs.getString(3), rs.getString(4), rs.getInt(5)));
      }
    }
    return chunks;
  }

  // NOTE: COUNT(*) reads an index entry of every matching row, so at millions of rows it is the
  // slow part of a page. Only the proxy's shape needs the total.
  private static long count(Connection connection, String domain) throws SQLException {
    String sql = "SELECT COUNT(*) FROM api_requests" + (domain == null ? "" : " WHERE domain = ?");
    try (PreparedStatement statement =
            prepare(connection, sql, domain == null ? List.of() : List.of(domain));
        ResultSet rs = statement.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static PreparedStatement prepare(Connection connection, String sql, List<Object> parameters)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    for (int i = 0; i < parameters.size(); i++) {
      statement.setObject(i + 1, parameters.get(i));
    }
    return statement;
  }
}
