package dev.claudenexus.api.conversations;

import dev.claudenexus.schema.DatabaseVendor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the requests of one conversation for its dashboard page. Every query finds its rows through
 * the {@code conversation_id}, {@code request_id} or {@code parent_task_request_id} indexes, so its
 * cost grows with the conversation, not with the table.
 */
public final class ConversationRequestsQuery {

  private static final String REQUEST_COLUMNS = "r.request_id, r.timestamp, r.branch_id,"
      + " r.parent_request_id, r.is_subtask, r.model, r.input_tokens, r.output_tokens,"
      + " r.cache_read_input_tokens, r.cache_creation_input_tokens, r.duration_ms,"
      + " r.response_status, r.outcome, r.error, r.task_tool_invocation";
  /**
   * Messages {@link #lastMessages} returns at least. Claude Code may send a few system messages
   * after the last user message, so one is not enough.
   */
  public static final int LAST_MESSAGES = 8;

  private static final String SUBTASK_BRANCH = "r.branch_id LIKE 'subtask!_%' ESCAPE '!'";

  private final Connection connection;

  public ConversationRequestsQuery(Connection connection) {
    this.connection = connection;
  }

  /** Returns the branches of the conversation, the one with the oldest request first. */
  public List<ConversationBranch> branches(UUID conversationId) throws SQLException {
    String sql = "SELECT r.branch_id, COUNT(*), COALESCE(SUM(r.total_tokens), 0),"
        + " MIN(r.timestamp), MAX(r.timestamp) FROM api_requests r WHERE r.conversation_id = ?"
        + " GROUP BY r.branch_id ORDER BY MIN(r.timestamp), r.branch_id";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setObject(1, conversationId);
      try (ResultSet rs = statement.executeQuery()) {
        List<ConversationBranch> branches = new ArrayList<>();
        while (rs.next()) {
          branches.add(new ConversationBranch(rs.getString(1), rs.getLong(2), rs.getLong(3),
              rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class)));
        }
        return branches;
      }
    }
  }

  /**
   * Returns up to {@code limit} selected requests, newest first, older than {@code before} when it is
   * present.
   */
  public List<ConversationRequest> requests(RequestSelection selection,
      Optional<RequestPosition> before, int limit) throws SQLException {
    List<Object> values = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT ").append(REQUEST_COLUMNS)
        .append(" FROM api_requests r WHERE ").append(selection.condition(values));
    before.ifPresent(position -> {
      sql.append(" AND (r.timestamp < ? OR (r.timestamp = ? AND r.request_id < ?))");
      values.add(position.timestamp());
      values.add(position.timestamp());
      values.add(position.requestId());
    });
    sql.append(" ORDER BY r.timestamp DESC, r.request_id DESC LIMIT ?");
    values.add(limit);
    try (PreparedStatement statement = prepare(sql.toString(), values);
        ResultSet rs = statement.executeQuery()) {
      List<ConversationRequest> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(new ConversationRequest(rs.getObject(1, UUID.class),
            rs.getObject(2, OffsetDateTime.class), rs.getString(3), rs.getObject(4, UUID.class),
            rs.getBoolean(5), rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getLong(9),
            rs.getLong(10), rs.getObject(11, Integer.class), rs.getObject(12, Integer.class),
            rs.getString(13), rs.getString(14), rs.getString(15)));
      }
      return rows;
    }
  }

  /** Returns the totals of the selected requests. */
  public ConversationTotals totals(RequestSelection selection) throws SQLException {
    List<Object> values = new ArrayList<>();
    String sql = "SELECT COUNT(*), MIN(r.timestamp), MAX(r.timestamp),"
        + " COALESCE(SUM(r.duration_ms), 0), COUNT(DISTINCT CASE WHEN " + SUBTASK_BRANCH
        + " THEN r.branch_id END) FROM api_requests r WHERE " + selection.condition(values);
    try (PreparedStatement statement = prepare(sql, values);
        ResultSet rs = statement.executeQuery()) {
      rs.next();
      return new ConversationTotals(rs.getLong(1), rs.getObject(2, OffsetDateTime.class),
          rs.getObject(3, OffsetDateTime.class), rs.getLong(4), rs.getLong(5));
    }
  }

  /**
   * Returns up to {@code limit} sub-agent requests launched by the given task requests, oldest
   * first, in any conversation.
   */
  public List<SubtaskRequest> subtaskRequests(Collection<UUID> taskRequestIds, int limit)
      throws SQLException {
    if (taskRequestIds.isEmpty()) {
      return List.of();
    }
    List<Object> values = new ArrayList<>(taskRequestIds);
    values.add(limit);
    String sql = "SELECT r.request_id, r.parent_request_id, r.parent_task_request_id,"
        + " r.conversation_id, r.branch_id, r.timestamp FROM api_requests r"
        + " WHERE r.parent_task_request_id IN (" + placeholders(taskRequestIds.size()) + ")"
        + " ORDER BY r.timestamp, r.request_id LIMIT ?";
    try (PreparedStatement statement = prepare(sql, values);
        ResultSet rs = statement.executeQuery()) {
      List<SubtaskRequest> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(new SubtaskRequest(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
            rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getString(5),
            rs.getObject(6, OffsetDateTime.class)));
      }
      return rows;
    }
  }

  /**
   * Returns, per request, a JSON document shaped like a request body whose {@code messages} array
   * ends with the request's last {@value #LAST_MESSAGES} messages, or {@code null} when the request
   * has no body. PostgreSQL sends only those messages; H2, which has no JSON functions for stored
   * text, sends the whole body.
   */
  public Map<UUID, String> lastMessages(Collection<UUID> requestIds) throws SQLException {
    if (requestIds.isEmpty()) {
      return Map.of();
    }
    String document = DatabaseVendor.of(connection) == DatabaseVendor.POSTGRESQL
        ? "CASE WHEN r.body IS NULL THEN NULL ELSE jsonb_build_object('messages',"
            + " jsonb_path_query_array(r.body, '$.messages[last - " + (LAST_MESSAGES - 1)
            + " to last]'))::text END"
        : "r.body";
    String sql = "SELECT r.request_id, " + document + " FROM api_requests r"
        + " WHERE r.request_id IN (" + placeholders(requestIds.size()) + ")";
    try (PreparedStatement statement = prepare(sql, new ArrayList<>(requestIds));
        ResultSet rs = statement.executeQuery()) {
      Map<UUID, String> documents = new HashMap<>();
      while (rs.next()) {
        documents.put(rs.getObject(1, UUID.class), rs.getString(2));
      }
      return documents;
    }
  }

  private PreparedStatement prepare(String sql, List<Object> values) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    try {
      for (int i = 0; i < values.size(); i++) {
        statement.setObject(i + 1, values.get(i));
      }
      return statement;
    } catch (SQLException e) {
      statement.close();
      throw e;
    }
  }

  private static String placeholders(int count) {
    return Stream.generate(() -> "?").limit(count)
        .collect(Collectors.joining(", "));
  }
}
