package dev.claudenexus.storage;

import dev.claudenexus.usage.TokenUsage;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One recorded API call, ready to be written as a row of {@code api_requests}.
 *
 * <p>JSON columns hold compact JSON text or {@code null}. {@code requestBody} is the body as received
 * when it is JSON, otherwise {@code null}. Header maps contain no secrets: the caller removes keys and
 * tokens before building the record.
 *
 * @param outcome {@code complete}, {@code incomplete}, {@code error}, {@code client_cancelled} or
 *     {@code timeout}
 * @param costUsd {@code null} when the model has no known price
 * @param firstTokenMs milliseconds from request start to the first response byte, or {@code null}
 */
public record RequestRecord(
    UUID requestId,
    String domain,
    OffsetDateTime timestamp,
    String method,
    String path,
    String queryString,
    String requestHeaders,
    String requestBody,
    String apiKeyHash,
    String accountId,
    String model,
    String requestType,
    int messageCount,
    int responseStatus,
    String responseHeaders,
    String responseBody,
    boolean streaming,
    TokenUsage usage,
    String usageJson,
    BigDecimal costUsd,
    Integer firstTokenMs,
    int durationMs,
    String outcome,
    String errorType,
    String error,
    int toolCallCount,
    int upstreamAttempts,
    List<StoredChunk> chunks) {

  public RequestRecord {
    chunks = chunks == null ? List.of() : List.copyOf(chunks);
    usage = usage == null ? TokenUsage.NONE : usage;
  }

  /** One server-sent event of a streamed response, stored when chunk storage is enabled. */
  public record StoredChunk(int index, OffsetDateTime timestamp, String eventType, String data) {}
}
