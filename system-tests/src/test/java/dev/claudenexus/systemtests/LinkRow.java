package dev.claudenexus.systemtests;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * The conversation columns of one stored request.
 *
 * @param requestId the request id
 * @param conversationId the conversation, or null when the linker gave none
 * @param branchId {@code main}, {@code branch_<yyyyMMddHHmmss>}, {@code compact_<HHmmss>} or {@code subtask_<n>}
 * @param parentRequestId the request this one continues, or null
 * @param subtask whether the request belongs to a sub-agent
 * @param parentTaskRequestId the request whose {@code Agent} or {@code Task} call started the sub-agent, or null
 * @param sessionId the stored {@code x-claude-code-session-id}
 * @param systemHash the hash of the stable part of the system prompt
 * @param messageCount the stored message count
 * @param hashMode the hashing mode the row was linked with
 * @param requestType the request classification
 * @param timestamp the request start
 */
record LinkRow(
    UUID requestId,
    UUID conversationId,
    String branchId,
    UUID parentRequestId,
    boolean subtask,
    UUID parentTaskRequestId,
    String sessionId,
    String systemHash,
    Integer messageCount,
    String hashMode,
    String requestType,
    Instant timestamp) {

  static LinkRow of(Map<String, Object> row) {
    return new LinkRow(
        uuid(row.get("request_id")),
        uuid(row.get("conversation_id")),
        (String) row.get("branch_id"),
        uuid(row.get("parent_request_id")),
        Boolean.TRUE.equals(row.get("is_subtask")),
        uuid(row.get("parent_task_request_id")),
        (String) row.get("session_id"),
        trimmed(row.get("system_hash")),
        row.get("message_count") == null ? null : ((Number) row.get("message_count")).intValue(),
        trimmed(row.get("hash_mode")),
        (String) row.get("request_type"),
        instant(row.get("timestamp")));
  }

  private static UUID uuid(Object value) {
    return value == null ? null : UUID.fromString(value.toString());
  }

  /** Returns the text without the padding a {@code CHAR} column adds. */
  private static String trimmed(Object value) {
    return value == null ? null : value.toString().strip();
  }

  private static Instant instant(Object value) {
    if (value instanceof OffsetDateTime offset) {
      return offset.toInstant();
    }
    if (value instanceof java.sql.Timestamp timestamp) {
      return timestamp.toInstant();
    }
    throw new IllegalStateException("The timestamp column has the unsupported type "
        + (value == null ? null : value.getClass()) + "; expected OffsetDateTime (H2) or Timestamp (PostgreSQL)");
  }
}
