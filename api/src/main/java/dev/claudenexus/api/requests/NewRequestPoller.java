package dev.claudenexus.api.requests;

import static dev.claudenexus.json.JsonProviders.JSON;

import dev.claudenexus.storage.DataSources;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Finds requests stored since the previous poll, by their {@code created_at}. A batch's rows get
 * the time of their transaction's start, so each poll looks {@link #OVERLAP} back and skips the ids
 * it has already reported. Not thread-safe: callers hold a lock.
 */
// NOTE: rows whose transaction commits more than OVERLAP after it began, or requests that ran
// longer than LOOKBACK, are not reported. A notice that names its batch's request ids would close
// that gap for PostgreSQL.
final class NewRequestPoller {

  static final Duration OVERLAP = Duration.ofSeconds(10);
  /** Limits the scan to the timestamp index: only requests that started this recently are read. */
  static final Duration LOOKBACK = Duration.ofHours(1);
  static final int MAX_ROWS_PER_POLL = 2000;
  private static final int REMEMBERED_IDS = 20_000;

  private final Map<UUID, Boolean> reported = new LinkedHashMap<>(1024, 0.75f, false) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
      return size() > REMEMBERED_IDS;
    }
  };
  private OffsetDateTime since;

  /** Returns the requests stored since the last call, oldest first; the first call only starts. */
  List<JsonObject> poll() throws SQLException {
    try (Connection connection = DataSources.nexus().getConnection()) {
      if (since == null) {
        since = databaseTime(connection);
        return List.of();
      }
      return newRows(connection);
    }
  }

  private List<JsonObject> newRows(Connection connection) throws SQLException {
    String sql = "SELECT request_id, domain, timestamp, model, request_type, response_status,"
        + " conversation_id, branch_id, account_id, input_tokens, output_tokens, created_at"
        + " FROM api_requests WHERE timestamp >= ? AND created_at >= ? ORDER BY created_at LIMIT "
        + MAX_ROWS_PER_POLL;
    List<JsonObject> events = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setObject(1, since.minus(LOOKBACK));
      statement.setObject(2, since.minus(OVERLAP));
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          UUID id = rs.getObject(1, UUID.class);
          OffsetDateTime created = rs.getObject(12, OffsetDateTime.class);
          if (created != null && created.isAfter(since)) {
            since = created;
          }
          if (reported.put(id, Boolean.TRUE) == null) {
            events.add(event(rs, id));
          }
        }
      }
    }
    return events;
  }

  private static JsonObject event(ResultSet rs, UUID id) throws SQLException {
    return JSON.createObjectBuilder()
        .add("request_id", id.toString())
        .add("domain", rs.getString(2))
        .add("timestamp", rs.getObject(3, OffsetDateTime.class).toInstant().toString())
        .add("model", text(rs.getString(4)))
        .add("request_type", text(rs.getString(5)))
        .add("response_status", rs.getObject(6) == null ? JsonValue.NULL : JSON.createValue(rs.getInt(6)))
        .add("conversation_id", text(rs.getString(7)))
        .add("branch_id", text(rs.getString(8)))
        .add("account_id", text(rs.getString(9)))
        .add("input_tokens", rs.getLong(10))
        .add("output_tokens", rs.getLong(11))
        .build();
  }

  private static OffsetDateTime databaseTime(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT CURRENT_TIMESTAMP");
        ResultSet rs = statement.executeQuery()) {
      rs.next();
      return rs.getObject(1, OffsetDateTime.class);
    }
  }

  private static JsonValue text(String value) {
    return value == null ? JsonValue.NULL : JSON.createValue(value);
  }
}
