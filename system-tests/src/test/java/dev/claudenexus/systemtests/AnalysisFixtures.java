package dev.claudenexus.systemtests;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Conversations and analysis rows written straight into the run's database, so each analysis test
 * has a conversation of known text, and reads of the analysis rows.
 */
final class AnalysisFixtures {

  private final NexusServer.Database database;

  AnalysisFixtures(NexusServer.Database database) {
    this.database = database;
  }

  /**
   * Stores a conversation of {@code requests} requests on branch {@code main}. The user message of
   * request i is "{marker} question i: {filler}", and its response is "answer i".
   */
  UUID conversation(String marker, int requests, String filler) throws SQLException {
    UUID conversationId = UUID.randomUUID();
    String json = database.vendor.equals("postgresql") ? "CAST(? AS jsonb)" : "?";
    OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1);
    try (Connection connection = database.connect();
        PreparedStatement insert = connection.prepareStatement("INSERT INTO api_requests (request_id,"
            + " domain, timestamp, method, path, body, response_body, model, request_type,"
            + " response_status, conversation_id, branch_id, created_at) VALUES (?, 'analysis.test',"
            + " ?, 'POST', '/v1/messages', " + json + ", " + json + ", 'claude-sonnet-4-5',"
            + " 'inference', 200, ?, 'main', ?)")) {
      connection.setAutoCommit(false);
      for (int i = 0; i < requests; i++) {
        String question = marker + " question " + String.format("%04d", i) + ": " + filler;
        insert.setObject(1, UUID.randomUUID());
        insert.setObject(2, start.plusNanos(i * 1_000_000L));
        insert.setString(3, jakarta.json.Json.createObjectBuilder()
            .add("model", "claude-sonnet-4-5")
            .add("messages", jakarta.json.Json.createArrayBuilder().add(jakarta.json.Json
                .createObjectBuilder().add("role", "user").add("content", question)))
            .build().toString());
        insert.setString(4, jakarta.json.Json.createObjectBuilder()
            .add("content", jakarta.json.Json.createArrayBuilder().add(jakarta.json.Json
                .createObjectBuilder().add("type", "text").add("text", "answer " + i)))
            .build().toString());
        insert.setObject(5, conversationId);
        insert.setObject(6, start.plusNanos(i * 1_000_000L));
        insert.addBatch();
        if (i % 200 == 199) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
      connection.commit();
    }
    return conversationId;
  }

  /** Inserts an analysis row of the branch {@code main} in the given status. */
  long analysisRow(UUID conversationId, String status, String claimedBy, Duration age)
      throws SQLException {
    String cast = database.vendor.equals("postgresql") ? "CAST(? AS conversation_analysis_status)" : "?";
    OffsetDateTime updated = OffsetDateTime.now(ZoneOffset.UTC).minus(age);
    try (Connection connection = database.connect();
        PreparedStatement insert = connection.prepareStatement("INSERT INTO conversation_analyses"
            + " (conversation_id, branch_id, status, claimed_by, created_at, updated_at)"
            + " VALUES (?, 'main', " + cast + ", ?, ?, ?)", new String[] {"id"})) {
      insert.setObject(1, conversationId);
      insert.setString(2, status);
      insert.setString(3, claimedBy);
      insert.setObject(4, updated);
      insert.setObject(5, updated);
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  /** Returns the status of an analysis row. */
  String status(long id) throws SQLException {
    try (Connection connection = database.connect();
        PreparedStatement select = connection.prepareStatement(
            "SELECT CAST(status AS VARCHAR(20)) FROM conversation_analyses WHERE id = ?")) {
      select.setLong(1, id);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  /** Runs one SQL update with the given parameters and returns the updated rows. */
  int update(String sql, Object... parameters) throws SQLException {
    try (Connection connection = database.connect();
        PreparedStatement update = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        update.setObject(i + 1, parameters[i]);
      }
      return update.executeUpdate();
    }
  }

  /** Returns the first column of the first row of a query, or null. */
  Object queryValue(String sql, Object... parameters) throws SQLException {
    try (Connection connection = database.connect();
        PreparedStatement select = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        select.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? rs.getObject(1) : null;
      }
    }
  }
}
