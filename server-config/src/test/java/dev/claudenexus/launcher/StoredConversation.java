package dev.claudenexus.launcher;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A conversation stored the way the proxy stores one: a main branch, a user branch, a sub-agent
 * request on branch {@code subtask_1} and a request whose parent belongs to another conversation.
 * The sub-agent request is earlier than the request that launched it, as clock skew between two
 * proxy instances can make it, so a copy in time order would break its foreign key.
 */
final class StoredConversation {

  static final OffsetDateTime START = OffsetDateTime.of(2026, 11, 30, 8, 0, 0, 0, ZoneOffset.UTC);

  final UUID id = UUID.randomUUID();
  final UUID otherConversation = UUID.randomUUID();
  final UUID outside = UUID.randomUUID();
  final UUID first = UUID.randomUUID();
  final UUID second = UUID.randomUUID();
  final UUID branch = UUID.randomUUID();
  final UUID subtask = UUID.randomUUID();
  final UUID continued = UUID.randomUUID();

  /** Returns the requests of the conversation. */
  List<UUID> requests() {
    return List.of(first, second, branch, subtask, continued);
  }

  /** Inserts the conversation, one request of another conversation, chunks and a task invocation. */
  void store(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      insert(connection, outside, otherConversation, "main", null, null, 0, "acc_other");
      insert(connection, first, id, "main", null, null, 1, "acc_1");
      insert(connection, second, id, "main", first, null, 3, "acc_1");
      insert(connection, branch, id, "branch_1", first, null, 4, "acc_1");
      insert(connection, subtask, id, "subtask_1", second, second, 2, "acc_1");
      insert(connection, continued, id, "main", outside, null, 5, "acc_1");
      try (PreparedStatement chunk = connection.prepareStatement("INSERT INTO streaming_chunks"
          + " (request_id, chunk_index, timestamp, data, token_count) VALUES (?, ?, ?, ?, ?)")) {
        for (int i = 0; i < 3; i++) {
          chunk.setObject(1, second);
          chunk.setInt(2, i);
          chunk.setObject(3, START.plusMinutes(3).plusSeconds(i));
          chunk.setString(4, "event: content_block_delta\ndata: {\"index\":" + i + "}\n\n");
          chunk.setInt(5, i);
          chunk.executeUpdate();
        }
      }
      try (PreparedStatement invocation = connection.prepareStatement("INSERT INTO task_invocations"
          + " (request_id, ordinal, domain, timestamp, tool_use_id, tool_name, prompt_hash, prompt)"
          + " VALUES (?, 1, 'a.example.com', ?, 'toolu_1', 'Task', ?, 'Find the tests')")) {
        invocation.setObject(1, second);
        invocation.setObject(2, START.plusMinutes(3));
        invocation.setString(3, "a".repeat(64));
        invocation.executeUpdate();
      }
    }
  }

  private static void insert(Connection connection, UUID request, UUID conversation, String branchId,
      UUID parent, UUID parentTask, int minute, String account) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("INSERT INTO api_requests"
        + " (request_id, domain, timestamp, method, path, body, response_body, response_headers,"
        + " model, request_type, response_status, input_tokens, output_tokens, total_tokens,"
        + " cost_usd, duration_ms, conversation_id, branch_id, parent_request_id,"
        + " parent_task_request_id, is_subtask, account_id, hash_mode, current_message_hash)"
        + " VALUES (?, 'a.example.com', ?, 'POST', '/v1/messages', ?, ?, ?, 'claude-sonnet-4-5',"
        + " 'inference', 200, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'current', ?)")) {
      statement.setObject(1, request);
      statement.setObject(2, START.plusMinutes(minute));
      statement.setString(3, "{\"messages\":[{\"role\":\"user\",\"content\":\"Request " + minute
          + " \\u00e9\"}],\"model\":\"claude-sonnet-4-5\"}");
      statement.setString(4, "{\"content\":[{\"type\":\"text\",\"text\":\"Reply " + minute + "\"}]}");
      statement.setString(5, "{\"anthropic-ratelimit-unified-status\":\"allowed\"}");
      statement.setInt(6, 100 + minute);
      statement.setInt(7, 10 + minute);
      statement.setInt(8, 110 + 2 * minute);
      statement.setBigDecimal(9, new BigDecimal("0.0012345678").multiply(BigDecimal.valueOf(minute + 1)));
      statement.setInt(10, 1000 + minute);
      statement.setObject(11, conversation);
      statement.setString(12, branchId);
      statement.setObject(13, parent);
      statement.setObject(14, parentTask);
      statement.setBoolean(15, parentTask != null);
      statement.setString(16, account);
      statement.setString(17, String.format("%064d", minute));
      statement.executeUpdate();
    }
  }
}
