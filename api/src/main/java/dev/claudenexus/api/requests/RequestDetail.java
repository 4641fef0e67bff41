package dev.claudenexus.api.requests;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Every stored column of one request, for the dashboard's request page. JSON documents are the
 * stored text, which may be {@code null}; stored headers never contain credentials, because the
 * recorder masks them before storage.
 *
 * @param costUsd {@code null} when the model has no price
 */
public record RequestDetail(
    UUID requestId,
    String domain,
    OffsetDateTime timestamp,
    String method,
    String path,
    String queryString,
    String model,
    String requestType,
    Integer responseStatus,
    String outcome,
    String error,
    String errorType,
    Tokens tokens,
    Integer durationMs,
    BigDecimal costUsd,
    String accountId,
    Linking linking,
    Documents documents) {

  /** Token counts of the response's usage; {@code cacheCreation} is the cache write. */
  public record Tokens(long input, long output, long total, long cacheRead, long cacheCreation) {}

  /** The request's place in its conversation and the hashes the conversation tracker used. */
  public record Linking(
      UUID conversationId,
      String branchId,
      UUID parentRequestId,
      UUID parentTaskRequestId,
      boolean subtask,
      int messageCount,
      int toolCallCount,
      String currentMessageHash,
      String parentMessageHash,
      String systemHash,
      String hashMode,
      String sessionId) {}

  /** The stored JSON documents as text. */
  public record Documents(
      String requestHeaders,
      String requestBody,
      String responseHeaders,
      String responseBody,
      String usageData,
      String taskToolInvocation) {}
}
