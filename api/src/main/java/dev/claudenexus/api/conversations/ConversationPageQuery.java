package dev.claudenexus.api.conversations;

import dev.claudenexus.api.query.SqlFilter;
import dev.claudenexus.rollup.UsageRollups;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Finds a page of conversations, newest first, by their latest selected request. The walk follows
 * the {@code (timestamp DESC, request_id DESC)} index from the cursor and keeps each request that no
 * later selected request of its conversation follows, and the {@code (conversation_id, timestamp)}
 * index checks that per request.
 */
public final class ConversationPageQuery {

  private final Connection connection;

  public ConversationPageQuery(Connection connection) {
    this.connection = connection;
  }

  /** Returns up to {@code count} latest requests after the selection's cursor or offset. */
  public List<LatestRequest> latest(ConversationSelection selection, int count)
      throws SQLException {
    SqlFilter outer = selection.requestFilter("r");
    // The first condition repeats part of the second so that the index walk starts at the cursor.
    // Without it, PostgreSQL 15 took no index bound from the OR and read every newer request first.
    selection.cursor().ifPresent(c -> outer.where(
        "r.timestamp <= ? AND (r.timestamp < ? OR (r.timestamp = ? AND r.request_id < ?))",
        c.timestamp(), c.timestamp(), c.timestamp(), c.requestId()));
    return read(selection, outer, "DESC", selection.offset(), count);
  }

  /**
   * Returns up to {@code count} latest requests newer than {@code position}, oldest first.
   * Reversed, they are the page that ends just before {@code position}. The walk is that of {@link #latest}
   * in the other direction, and the selection's own cursor and offset are ignored.
   */
  public List<LatestRequest> newer(ConversationSelection selection, ConversationCursor position,
      int count) throws SQLException {
    // As in latest, the first condition gives the index walk its start.
    SqlFilter outer = selection.requestFilter("r").where(
        "r.timestamp >= ? AND (r.timestamp > ? OR (r.timestamp = ? AND r.request_id > ?))",
        position.timestamp(), position.timestamp(), position.timestamp(), position.requestId());
    return read(selection, outer, "ASC", 0, count);
  }

  private List<LatestRequest> read(ConversationSelection selection, SqlFilter outer,
      String direction, int offset, int count) throws SQLException {
    SqlFilter later = selection.requestFilter("n").where("n.conversation_id = r.conversation_id")
        .where("(n.timestamp > r.timestamp OR (n.timestamp = r.timestamp"
            + " AND n.request_id > r.request_id))");
    String sql = "SELECT r.conversation_id, r.timestamp, r.request_id, r.model, r.domain,"
        + " r.account_id, COALESCE(r.input_tokens, 0) + COALESCE(r.cache_read_input_tokens, 0)"
        + " + COALESCE(r.cache_creation_input_tokens, 0) FROM api_requests r" + outer.clause()
        + " AND NOT EXISTS (SELECT 1 FROM api_requests n" + later.clause() + ")"
        + " ORDER BY r.timestamp " + direction + ", r.request_id " + direction
        + " OFFSET ? ROWS FETCH FIRST ? ROWS ONLY";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      int next = later.bind(statement, outer.bind(statement, 1));
      statement.setInt(next, offset);
      statement.setInt(next + 1, count);
      try (ResultSet rs = statement.executeQuery()) {
        List<LatestRequest> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(new LatestRequest(rs.getObject(1, UUID.class),
              rs.getObject(2, OffsetDateTime.class), rs.getObject(3, UUID.class), rs.getString(4),
              rs.getString(5), rs.getString(6), rs.getLong(7)));
        }
        return rows;
      }
    }
  }

  /**
   * Returns the number of conversations with selected requests. Without a time range or the
   * sub-task filter it counts the rows of the conversation rollup, one per conversation of a domain
   * and account. Otherwise it reads every selected request, which grows with the table.
   */
  long total(ConversationSelection selection) throws SQLException {
    boolean whole = selection.dateFrom().isEmpty() && selection.dateTo().isEmpty()
        && !selection.excludeSubtasks();
    SqlFilter filter = whole
        ? new SqlFilter().equalTo("r.domain", selection.domain())
            .equalTo("r.account_id", selection.accountId())
            .equalTo("r.conversation_id", selection.conversationId())
        : selection.requestFilter("r");
    String sql = whole
        ? "SELECT COUNT(*) FROM " + UsageRollups.CONVERSATION_ACCOUNTS + " r" + filter.clause()
        : "SELECT COUNT(DISTINCT r.conversation_id) FROM api_requests r" + filter.clause();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      filter.bind(statement, 1);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
