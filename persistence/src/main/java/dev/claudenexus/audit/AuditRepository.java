package dev.claudenexus.audit;

import dev.claudenexus.schema.DatabaseVendor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** Reads and writes {@code audit_events}. */
public final class AuditRepository {

  private static final String COLUMNS = "event_id, occurred_at, user_name, auth_method, action,"
      + " target_id, outcome, client_address, service";

  private final DataSource dataSource;
  private final DatabaseVendor vendor;

  public AuditRepository(DataSource dataSource, DatabaseVendor vendor) {
    this.dataSource = dataSource;
    this.vendor = vendor;
  }

  /**
   * Inserts the events in one transaction. An event whose id is stored already is skipped, so a
   * replay that repeats events adds no second row.
   */
  public void insert(List<AuditEvent> events) throws SQLException {
    String sql = vendor == DatabaseVendor.POSTGRESQL
        ? "INSERT INTO audit_events (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (event_id) DO NOTHING"
        : "MERGE INTO audit_events (" + COLUMNS + ") KEY (event_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        for (AuditEvent event : events) {
          bind(statement, event);
          statement.addBatch();
        }
        statement.executeBatch();
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    }
  }

  private static void bind(PreparedStatement statement, AuditEvent event) throws SQLException {
    statement.setObject(1, event.eventId());
    statement.setObject(2, event.occurredAt());
    statement.setString(3, event.userName());
    statement.setString(4, event.authMethod());
    statement.setString(5, event.action().code());
    statement.setString(6, event.targetId());
    statement.setInt(7, event.outcome());
    statement.setString(8, event.clientAddress());
    statement.setString(9, event.service());
  }

  /** Returns up to {@code query.limit()} events that match the query, newest first. */
  public List<AuditEvent> find(AuditQuery query) throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_events WHERE 1 = 1");
    List<Object> values = new ArrayList<>();
    query.user().ifPresent(user -> condition(sql, values, " AND user_name = ?", user));
    query.action().ifPresent(action -> condition(sql, values, " AND action = ?", action.code()));
    query.from().ifPresent(from -> condition(sql, values, " AND occurred_at >= ?", from));
    query.to().ifPresent(to -> condition(sql, values, " AND occurred_at < ?", to));
    query.targetId().ifPresent(id -> condition(sql, values, " AND target_id = ?", id));
    query.after().ifPresent(position -> {
      sql.append(" AND (occurred_at < ? OR (occurred_at = ? AND event_id < ?))");
      values.add(position.occurredAt());
      values.add(position.occurredAt());
      values.add(position.eventId());
    });
    sql.append(" ORDER BY occurred_at DESC, event_id DESC FETCH FIRST ? ROWS ONLY");
    values.add(query.limit());
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql.toString())) {
      for (int i = 0; i < values.size(); i++) {
        statement.setObject(i + 1, values.get(i));
      }
      List<AuditEvent> events = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          events.add(read(rs));
        }
      }
      return events;
    }
  }

  private static void condition(StringBuilder sql, List<Object> values, String clause, Object value) {
    sql.append(clause);
    values.add(value);
  }

  private static AuditEvent read(ResultSet rs) throws SQLException {
    String code = rs.getString("action");
    AuditAction action = AuditAction.fromCode(code).orElseThrow(
        () -> new SQLException("Unknown audit action " + code + " in audit_events"));
    return new AuditEvent(rs.getObject("event_id", UUID.class),
        rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("user_name"),
        rs.getString("auth_method"), action, rs.getString("target_id"), rs.getInt("outcome"),
        rs.getString("client_address"), rs.getString("service"));
  }

  /**
   * Deletes the oldest events before {@code cutoff}, at most {@code batchSize} in one short
   * transaction, and returns how many.
   */
  public int deleteBefore(OffsetDateTime cutoff, int batchSize) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement("DELETE FROM audit_events"
            + " WHERE event_id IN (SELECT event_id FROM audit_events WHERE occurred_at < ?"
            + " ORDER BY occurred_at FETCH FIRST ? ROWS ONLY)")) {
      statement.setObject(1, cutoff);
      statement.setInt(2, batchSize);
      return statement.executeUpdate();
    }
  }

  /** Returns the number of stored events, for tests and health reports. */
  public long count() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(
            "SELECT COUNT(*) FROM audit_events");
        ResultSet rs = statement.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
