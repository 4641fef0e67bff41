package dev.claudenexus.api.conversations;

import dev.claudenexus.api.query.SqlFilter;
import dev.claudenexus.api.query.UsdAmounts;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Summarises the conversations of one page with three queries over their requests. */
public final class ConversationSummaryQuery {

  private static final String SUBTASK_BRANCH = "branch_id LIKE 'subtask!_%' ESCAPE '!'";
  private static final String COMPACT_BRANCH = "branch_id LIKE 'compact!_%' ESCAPE '!'";
  private static final String AGGREGATES = "SELECT conversation_id, MIN(timestamp), COUNT(*),"
      + " COALESCE(SUM(total_tokens), 0), SUM(cost_usd), COUNT(DISTINCT branch_id),"
      + " COUNT(DISTINCT CASE WHEN " + SUBTASK_BRANCH + " THEN branch_id END),"
      + " COUNT(DISTINCT CASE WHEN " + COMPACT_BRANCH + " THEN branch_id END),"
      + " COUNT(DISTINCT CASE WHEN branch_id <> 'main' AND NOT " + SUBTASK_BRANCH + " AND NOT "
      + COMPACT_BRANCH + " THEN branch_id END),"
      + " SUM(CASE WHEN is_subtask = TRUE THEN 1 ELSE 0 END) FROM api_requests r";

  private final Connection connection;

  public ConversationSummaryQuery(Connection connection) {
    this.connection = connection;
  }

  /** Returns the summaries of the conversations of {@code page}, in its order. */
  public List<ConversationSummary> summaries(ConversationSelection selection,
      List<LatestRequest> page) throws SQLException {
    if (page.isEmpty()) {
      return List.of();
    }
    List<UUID> ids = page.stream().map(LatestRequest::conversationId).toList();
    Map<UUID, Aggregates> aggregates = aggregates(selection, ids);
    Map<UUID, List<String>> models = models(selection, ids);
    Map<UUID, Parent> parents = parents(selection, ids);
    List<ConversationSummary> summaries = new ArrayList<>(page.size());
    for (LatestRequest latest : page) {
      UUID id = latest.conversationId();
      Aggregates sums = aggregates.get(id);
      Parent parent = parents.getOrDefault(id, Parent.NONE);
      summaries.add(new ConversationSummary(latest, sums.firstMessageTime(), sums.messages(),
          sums.tokens(), sums.costUsd(), sums.branches(), models.getOrDefault(id, List.of()),
          sums.subtaskMessages() > 0, sums.subtaskMessages(), parent.taskRequestId(),
          parent.conversationId()));
    }
    return summaries;
  }

  private record Aggregates(OffsetDateTime firstMessageTime, long messages, long tokens,
      BigDecimal costUsd, ConversationSummary.BranchCounts branches, long subtaskMessages) {}

  private record Parent(UUID taskRequestId, UUID conversationId) {
    static final Parent NONE = new Parent(null, null);
  }

  private Map<UUID, Aggregates> aggregates(ConversationSelection selection, List<UUID> ids)
      throws SQLException {
    SqlFilter filter = selection.requestFilter("r").where(in("r.conversation_id", ids),
        ids.toArray());
    Map<UUID, Aggregates> rows = new HashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(
        AGGREGATES + filter.clause() + " GROUP BY conversation_id")) {
      filter.bind(statement, 1);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          ConversationSummary.BranchCounts branches = new ConversationSummary.BranchCounts(
              rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9));
          rows.put(rs.getObject(1, UUID.class), new Aggregates(
              rs.getObject(2, OffsetDateTime.class), rs.getLong(3), rs.getLong(4),
              UsdAmounts.round(rs.getBigDecimal(5)), branches, rs.getLong(10)));
        }
      }
    }
    return rows;
  }

  private Map<UUID, List<String>> models(ConversationSelection selection, List<UUID> ids)
      throws SQLException {
    SqlFilter filter = selection.requestFilter("r").where(in("r.conversation_id", ids),
        ids.toArray()).where("r.model IS NOT NULL");
    Map<UUID, List<String>> models = new HashMap<>();
    try (PreparedStatement statement = connection.prepareStatement("SELECT DISTINCT"
        + " r.conversation_id, r.model FROM api_requests r" + filter.clause()
        + " ORDER BY r.model")) {
      filter.bind(statement, 1);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          models.computeIfAbsent(rs.getObject(1, UUID.class), c -> new ArrayList<>())
              .add(rs.getString(2));
        }
      }
    }
    return models;
  }

  /**
   * Returns the distinct branch names of the selected requests of each conversation, sorted. Reads
   * only the rows of the given conversations, through the {@code (conversation_id, branch_id)}
   * index.
   */
  public Map<UUID, List<String>> branchNames(ConversationSelection selection, List<UUID> ids)
      throws SQLException {
    if (ids.isEmpty()) {
      return Map.of();
    }
    SqlFilter filter = selection.requestFilter("r").where(in("r.conversation_id", ids),
        ids.toArray()).where("r.branch_id IS NOT NULL");
    Map<UUID, List<String>> branches = new HashMap<>();
    try (PreparedStatement statement = connection.prepareStatement("SELECT DISTINCT"
        + " r.conversation_id, r.branch_id FROM api_requests r" + filter.clause()
        + " ORDER BY r.branch_id")) {
      filter.bind(statement, 1);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          branches.computeIfAbsent(rs.getObject(1, UUID.class), c -> new ArrayList<>())
              .add(rs.getString(2));
        }
      }
    }
    return branches;
  }

  /** Returns, per conversation, the task request of its earliest sub-task request. */
  private Map<UUID, Parent> parents(ConversationSelection selection, List<UUID> ids)
      throws SQLException {
    SqlFilter filter = selection.requestFilter("r").where(in("r.conversation_id", ids),
        ids.toArray()).where("r.is_subtask = TRUE").where("r.parent_task_request_id IS NOT NULL");
    Map<UUID, Parent> parents = new HashMap<>();
    try (PreparedStatement statement = connection.prepareStatement("SELECT r.conversation_id,"
        + " r.parent_task_request_id, p.conversation_id FROM api_requests r"
        + " LEFT JOIN api_requests p ON p.request_id = r.parent_task_request_id" + filter.clause()
        + " ORDER BY r.timestamp, r.request_id")) {
      filter.bind(statement, 1);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          parents.putIfAbsent(rs.getObject(1, UUID.class),
              new Parent(rs.getObject(2, UUID.class), rs.getObject(3, UUID.class)));
        }
      }
    }
    return parents;
  }

  private static String in(String column, List<UUID> ids) {
    return column + " IN (" + ids.stream().map(id -> "?").collect(Collectors.joining(", ")) + ")";
  }
}
