package dev.claudenexus.api.requests;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One stored request as the API shows it. The JSON documents (bodies, usage) are the stored text;
 * stored headers never contain credentials, because the recorder masks them before storage.
 */
public record RequestRow(
    UUID requestId,
    String domain,
    OffsetDateTime timestamp,
    String method,
    String path,
    String model,
    String requestType,
    Integer responseStatus,
    long inputTokens,
    long outputTokens,
    long totalTokens,
    long cacheCreationInputTokens,
    long cacheReadInputTokens,
    Integer durationMs,
    String error,
    String outcome,
    BigDecimal costUsd,
    UUID conversationId,
    String branchId,
    UUID parentRequestId,
    String accountId,
    boolean subtask,
    String requestBody,
    String responseBody,
    String usageData) {

  /** Returns the columns that {@link #read} expects, in order. Without bodies, they are read as null. */
  static String columns(boolean withBodies) {
    return "request_id, domain, timestamp, method, path, model, request_type, response_status,"
        + " input_tokens, output_tokens, total_tokens, cache_creation_input_tokens,"
        + " cache_read_input_tokens, duration_ms, error, outcome, cost_usd, conversation_id,"
        + " branch_id, parent_request_id, account_id, is_subtask, "
        + (withBodies ? "body, response_body, usage_data" : "NULL, NULL, NULL");
  }

  static RequestRow read(ResultSet rs) throws SQLException {
    return new RequestRow(
        rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
        (Integer) rs.getObject(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12),
        rs.getLong(13), (Integer) rs.getObject(14), rs.getString(15), rs.getString(16),
        rs.getBigDecimal(17), rs.getObject(18, UUID.class), rs.getString(19),
        rs.getObject(20, UUID.class), rs.getString(21), rs.getBoolean(22), rs.getString(23),
        rs.getString(24), rs.getString(25));
  }

  public RequestCursor cursor() {
    return new RequestCursor(timestamp, requestId);
  }
}
