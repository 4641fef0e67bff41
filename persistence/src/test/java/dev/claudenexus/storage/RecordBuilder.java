package dev.claudenexus.storage;

import dev.claudenexus.usage.TokenUsage;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Builds request records for tests. {@link #full()} sets every field, including chunks and non-ASCII
 * text; {@link #minimal()} leaves every nullable field null.
 */
final class RecordBuilder {

  static final OffsetDateTime START = OffsetDateTime.of(2026, 3, 14, 15, 9, 26, 535_000_000, ZoneOffset.UTC);

  private UUID requestId = UUID.randomUUID();
  private String domain = "localhost:3000";
  private OffsetDateTime timestamp = START;
  private String method = "POST";
  private String path = "/v1/messages";
  private String queryString;
  private String requestHeaders;
  private String requestBody;
  private String apiKeyHash;
  private String accountId;
  private String model;
  private String requestType;
  private int messageCount;
  private int responseStatus = 200;
  private String responseHeaders;
  private String responseBody;
  private boolean streaming;
  private TokenUsage usage;
  private String usageJson;
  private BigDecimal costUsd;
  private Integer firstTokenMs;
  private int durationMs = 10;
  private String outcome = "complete";
  private String errorType;
  private String error;
  private int toolCallCount;
  private int upstreamAttempts = 1;
  private final List<RequestRecord.StoredChunk> chunks = new ArrayList<>();

  static RecordBuilder minimal() {
    return new RecordBuilder();
  }

  static RecordBuilder full() {
    RecordBuilder b = new RecordBuilder();
    b.queryString = "beta=true";
    b.requestHeaders = "{\"anthropic-version\":\"2023-06-01\",\"user-agent\":\"test/1.0\"}";
    b.requestBody =
        "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Gr\u00fc\u00df \u4f60\u597d \uD83D\uDE00\"}]}";
    b.apiKeyHash = "a".repeat(64);
    b.accountId = "acc_test";
    b.model = "claude-sonnet-4-5";
    b.requestType = "inference";
    b.messageCount = 1;

    b.responseHeaders = "{\"content-type\":\"text/event-stream\",\"request-id\":\"req_1\"}";
    b.responseBody =
        "{\"id\":\"msg_1\",\"type\":\"message\",\"content\":[{\"type\":\"text\",\"text\":\"Hallo \u00e9\u00e8 \uD83D\uDE00\"}]}";
    b.streaming = true;

    b.usage = new TokenUsage(1200, 345, 300, 2455, 100, 200);
    b.usageJson = "{\"input_tokens\":1200,\"output_tokens\":345,\"cache_creation_input_tokens\":300,"
        + "\"cache_read_input_tokens\":2455}";
    b.costUsd = new BigDecimal("0.0123456789");

    b.firstTokenMs = 321;
    b.durationMs = 4567;
    b.outcome = "incomplete";
    b.errorType = "overloaded_error";
    b.error = "Overloaded \"quoted\"\nsecond line";
    b.toolCallCount = 2;
    b.upstreamAttempts = 3;

    b.chunks.add(new RequestRecord.StoredChunk(
        0, START.plusNanos(1_000_000), "message_start", "{\"type\":\"message_start\"}"));
    b.chunks.add(new RequestRecord.StoredChunk(
        1, START.plusNanos(2_000_000), "content_block_delta",
        "{\"type\":\"content_block_delta\",\"delta\":{\"text\":\"\u00fc \uD83D\uDE00\"}}"));
    return b;
  }

  /** Returns a completed inference call with this body and response, as Claude Code makes them. */
  static RecordBuilder inference(String requestBody, String responseBody) {
    RecordBuilder b = new RecordBuilder();
    b.requestType = "inference";
    b.requestBody = requestBody;
    b.responseBody = responseBody;
    return b;
  }

  RecordBuilder requestId(UUID value) {
    requestId = value;
    return this;
  }

  RecordBuilder timestamp(OffsetDateTime value) {
    timestamp = value;
    return this;
  }

  RecordBuilder domain(String value) {
    domain = value;
    return this;
  }

  RecordBuilder call(String httpMethod, String requestPath) {
    method = httpMethod;
    path = requestPath;
    return this;
  }

  RecordBuilder requestHeaders(String value) {
    requestHeaders = value;
    return this;
  }

  RecordBuilder failed(int status, String failure) {
    responseStatus = status;
    outcome = failure;
    return this;
  }

  RecordBuilder requestBody(String value) {
    requestBody = value;
    return this;
  }

  RecordBuilder error(String value) {
    error = value;
    return this;
  }

  RecordBuilder responseHeaders(String value) {
    responseHeaders = value;
    return this;
  }

  RecordBuilder costUsd(BigDecimal value) {
    costUsd = value;
    return this;
  }

  RecordBuilder model(String value) {
    model = value;
    return this;
  }

  RecordBuilder usage(TokenUsage value) {
    usage = value;
    return this;
  }

  RequestRecord build() {
    return new RequestRecord(
        requestId, domain, timestamp, method, path, queryString, requestHeaders, requestBody,
        apiKeyHash, accountId, model, requestType, messageCount, responseStatus, responseHeaders,
        responseBody, streaming, usage, usageJson, costUsd, firstTokenMs, durationMs, outcome,
        errorType, error, toolCallCount, upstreamAttempts, chunks);
  }
}
