package dev.claudenexus.storage;

import static dev.claudenexus.json.JsonProviders.JSON;

import dev.claudenexus.conversation.BranchNames;
import dev.claudenexus.conversation.LinkLookup;
import dev.claudenexus.conversation.LinkLookupException;
import dev.claudenexus.conversation.LinkedRequest;
import dev.claudenexus.conversation.ResponseContent;
import dev.claudenexus.conversation.SummaryResponse;
import dev.claudenexus.conversation.TaskInvocation;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs the linker's queries on {@code api_requests} and {@code task_invocations}. Every query is
 * an index lookup bounded by a row limit, so its cost does not grow with the table.
 *
 * <p>Failed and cut-off requests are never parents: a client retries them with the same messages, and
 * the retry must continue the conversation instead of opening a branch beside the failed attempt.
 */
public final class JdbcLinkLookup implements LinkLookup {

  private static final String LINK_COLUMNS =
      "request_id, domain, timestamp, conversation_id, branch_id, current_message_hash,"
          + " parent_message_hash, system_hash, is_subtask, parent_task_request_id";
  private static final String PARENT_CANDIDATE =
      " AND conversation_id IS NOT NULL AND request_type = 'inference'"
          + " AND (outcome IS NULL OR outcome = 'complete')";
  private static final int MAX_SUMMARY_CANDIDATES = 50;
  private static final int MAX_INVOCATIONS = 100;

  private final Connection connection;

  public JdbcLinkLookup(Connection connection) {
    this.connection = connection;
  }

  @Override
  public Optional<LinkedRequest> latestWithHash(
      String domain, String messageHash, String systemHash, Instant before, UUID excluded) {
    String sql = "SELECT " + LINK_COLUMNS + " FROM api_requests WHERE domain = ?"
        + " AND current_message_hash = ?" + (systemHash == null ? "" : " AND system_hash = ?")
        + " AND timestamp < ? AND request_id <> ?" + PARENT_CANDIDATE
        + " ORDER BY timestamp DESC FETCH FIRST 1 ROWS ONLY";
    return query(sql, statement -> {
      int i = 1;
      statement.setString(i++, domain);
      statement.setString(i++, messageHash);
      if (systemHash != null) {
        statement.setString(i++, systemHash);
      }
      statement.setObject(i++, utc(before));
      statement.setObject(i, excluded);
    }, JdbcLinkLookup::linkedRequest).stream().findFirst();
  }

  @Override
  public boolean hasChild(
      String domain, String parentHash, UUID conversationId, Instant before, UUID excluded) {
    String sql = "SELECT request_id FROM api_requests WHERE domain = ? AND parent_message_hash = ?"
        + " AND timestamp < ? AND request_id <> ?"
        + (conversationId == null ? "" : " AND conversation_id = ?")
        + PARENT_CANDIDATE + " FETCH FIRST 1 ROWS ONLY";
    return !query(sql, statement -> {
      statement.setString(1, domain);
      statement.setString(2, parentHash);
      statement.setObject(3, utc(before));
      statement.setObject(4, excluded);
      if (conversationId != null) {
        statement.setObject(5, conversationId);
      }
    }, rs -> rs.getObject(1)).isEmpty();
  }

  @Override
  public List<SummaryResponse> summaryResponses(String domain, Instant from, Instant before) {
    String sql = "SELECT " + LINK_COLUMNS + ", response_body FROM api_requests WHERE domain = ?"
        + " AND summary_response = TRUE AND timestamp >= ? AND timestamp < ?" + PARENT_CANDIDATE
        + " ORDER BY timestamp DESC FETCH FIRST " + MAX_SUMMARY_CANDIDATES + " ROWS ONLY";
    return query(sql, statement -> {
      statement.setString(1, domain);
      statement.setObject(2, utc(from));
      statement.setObject(3, utc(before));
    }, rs -> new SummaryResponse(linkedRequest(rs),
        ResponseContent.lowerCaseText(parseObject(rs.getString("response_body")))));
  }

  @Override
  public List<TaskInvocation> taskInvocations(
      String domain, String promptHash, Instant from, Instant to) {
    String sql = "SELECT request_id, domain, timestamp, tool_use_id, tool_name, prompt, ordinal"
        + " FROM task_invocations WHERE domain = ? AND prompt_hash = ?"
        + " AND timestamp >= ? AND timestamp <= ? ORDER BY timestamp, ordinal"
        + " FETCH FIRST " + MAX_INVOCATIONS + " ROWS ONLY";
    return query(sql, statement -> {
      statement.setString(1, domain);
      statement.setString(2, promptHash);
      statement.setObject(3, utc(from));
      statement.setObject(4, utc(to));
    }, rs -> new TaskInvocation(rs.getObject(1, UUID.class), rs.getString(2),
        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getInt(7)));
  }

  @Override
  public Optional<LinkedRequest> request(UUID requestId) {
    String sql = "SELECT " + LINK_COLUMNS + " FROM api_requests WHERE request_id = ?";
    return query(sql, statement -> statement.setObject(1, requestId), JdbcLinkLookup::linkedRequest)
        .stream().findFirst();
  }

  @Override
  public int maxSubtaskNumber(UUID conversationId, Instant before) {
    String sql = "SELECT DISTINCT branch_id FROM api_requests WHERE conversation_id = ?"
        + " AND branch_id LIKE 'subtask%' AND timestamp < ?";
    return query(sql, statement -> {
      statement.setObject(1, conversationId);
      statement.setObject(2, utc(before));
    }, rs -> BranchNames.subtaskNumber(rs.getString(1)).orElse(0))
        .stream().mapToInt(Integer::intValue).max().orElse(0);
  }

  static LinkedRequest linkedRequest(ResultSet rs) throws SQLException {
    return new LinkedRequest(rs.getObject("request_id", UUID.class), rs.getString("domain"),
        rs.getObject("timestamp", OffsetDateTime.class).toInstant(),
        rs.getObject("conversation_id", UUID.class), rs.getString("branch_id"),
        trimmed(rs.getString("current_message_hash")), trimmed(rs.getString("parent_message_hash")),
        rs.getString("system_hash"), rs.getBoolean("is_subtask"),
        rs.getObject("parent_task_request_id", UUID.class));
  }

  private static String trimmed(String fixedWidth) {
    return fixedWidth == null ? null : fixedWidth.trim();
  }

  static JsonObject parseObject(String json) {
    if (json == null) {
      return null;
    }
    try (JsonReader reader = JSON.createReader(new StringReader(json))) {
      return reader.read() instanceof JsonObject object ? object : null;
    } catch (JsonException e) {
      return null;
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  @FunctionalInterface
  private interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      binder.bind(statement);
      try (ResultSet rs = statement.executeQuery()) {
        List<T> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(mapper.map(rs));
        }
        return rows;
      }
    } catch (SQLException e) {
      throw new LinkLookupException("A conversation linking query failed: " + e.getMessage(), e);
    }
  }
}
