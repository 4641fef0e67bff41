package dev.claudenexus.api.testing;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A row of {@code api_requests} for query tests, inserted through SQL as the storage writer leaves it.
 * Defaults: an inference request of domain {@code a.example.com} with 10 input and 5 output tokens.
 */
public final class StoredRequest {

  private static final String INSERT = "INSERT INTO api_requests (request_id, domain, timestamp,"
      + " method, path, model, request_type, response_status, input_tokens, output_tokens,"
      + " total_tokens, cache_creation_input_tokens, cache_read_input_tokens, duration_ms, error,"
      + " tool_call_count, conversation_id, branch_id, parent_request_id, is_subtask,"
      + " parent_task_request_id, account_id, cost_usd, response_headers, session_id)"
      + " VALUES (?, ?, ?, 'POST', '/v1/messages', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
      + " ?, ?, ?)";

  private final UUID requestId = UUID.randomUUID();
  private String domain = "a.example.com";
  private OffsetDateTime timestamp;
  private String model = "claude-sonnet-4-5";
  private String requestType = "inference";
  private int status = 200;
  private int inputTokens = 10;
  private int outputTokens = 5;
  private int cacheCreationTokens;
  private int cacheReadTokens;
  private Integer durationMs = 100;
  private String error;
  private int toolCalls;
  private UUID conversationId;
  private String branchId = "main";
  private UUID parentRequestId;
  private boolean subtask;
  private UUID parentTaskRequestId;
  private String accountId;
  private BigDecimal costUsd;
  private String responseHeaders;
  private String sessionId;

  private StoredRequest(OffsetDateTime timestamp) {
    this.timestamp = timestamp;
  }

  public static StoredRequest at(OffsetDateTime timestamp) {
    return new StoredRequest(timestamp);
  }

  public UUID id() {
    return requestId;
  }

  public StoredRequest domain(String value) {
    domain = value;
    return this;
  }

  public StoredRequest model(String value) {
    model = value;
    return this;
  }

  public StoredRequest type(String value) {
    requestType = value;
    return this;
  }

  public StoredRequest tokens(int input, int output) {
    inputTokens = input;
    outputTokens = output;
    return this;
  }

  public StoredRequest cacheTokens(int creation, int read) {
    cacheCreationTokens = creation;
    cacheReadTokens = read;
    return this;
  }

  public StoredRequest duration(Integer milliseconds) {
    durationMs = milliseconds;
    return this;
  }

  public StoredRequest error(String value) {
    error = value;
    status = 500;
    return this;
  }

  public StoredRequest toolCalls(int value) {
    toolCalls = value;
    return this;
  }

  public StoredRequest conversation(UUID conversation, String branch) {
    conversationId = conversation;
    branchId = branch;
    return this;
  }

  public StoredRequest parent(UUID value) {
    parentRequestId = value;
    return this;
  }

  /** Marks the row as a sub-agent request launched by the Task call in {@code taskRequest}. */
  public StoredRequest subtaskOf(UUID taskRequest) {
    subtask = true;
    parentTaskRequestId = taskRequest;
    return this;
  }

  public StoredRequest account(String value) {
    accountId = value;
    return this;
  }

  public StoredRequest cost(String usd) {
    costUsd = new BigDecimal(usd);
    return this;
  }

  public StoredRequest responseHeaders(String json) {
    responseHeaders = json;
    return this;
  }

  public StoredRequest session(String value) {
    sessionId = value;
    return this;
  }

  /** Inserts the row and returns its request id. */
  public UUID insert(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
      Object[] values = {requestId, domain, timestamp, model, requestType, status, inputTokens,
          outputTokens, inputTokens + outputTokens, cacheCreationTokens, cacheReadTokens, durationMs,
          error, toolCalls, conversationId, branchId, parentRequestId, subtask, parentTaskRequestId,
          accountId, costUsd, responseHeaders, sessionId};
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      statement.executeUpdate();
    }
    return requestId;
  }
}
