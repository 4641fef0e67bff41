package dev.claudenexus.api.requests;

import static dev.claudenexus.json.JsonProviders.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Request rows as JSON, in the two shapes of the original: camelCase fields on the proxy's port and
 * the database's snake_case column names on the dashboard's. List items of both carry
 * {@code request_body} and {@code response_body}.
 */
final class RequestJson {

  private RequestJson() {}

  /** Builds the proxy's summary fields of a row. */
  static JsonObjectBuilder proxySummary(RequestRow row) {
    JsonObjectBuilder json = JSON.createObjectBuilder()
        .add("requestId", row.requestId().toString())
        .add("domain", row.domain())
        .add("model", text(row.model()))
        .add("timestamp", time(row.timestamp()))
        .add("inputTokens", row.inputTokens())
        .add("outputTokens", row.outputTokens())
        .add("totalTokens", row.totalTokens())
        .add("durationMs", number(row.durationMs()))
        .add("responseStatus", number(row.responseStatus()))
        .add("error", text(row.error()))
        .add("requestType", text(row.requestType()));
    return json;
  }

  /** Builds a proxy list item: the summary and the bodies. */
  static JsonObjectBuilder proxyItem(RequestRow row) {
    return proxySummary(row)
        .add("request_body", document(row.requestBody()))
        .add("response_body", document(row.responseBody()));
  }

  /** Builds the proxy's detail of one request. */
  static JsonObjectBuilder proxyDetail(RequestRow row, List<RequestQueries.Chunk> chunks) {
    JsonArrayBuilder streamingChunks = JSON.createArrayBuilder();
    for (RequestQueries.Chunk chunk : chunks) {
      streamingChunks.add(JSON.createObjectBuilder()
          .add("chunkIndex", chunk.index())
          .add("timestamp", time(chunk.timestamp()))
          .add("data", text(chunk.data()))
          .add("tokenCount", chunk.tokenCount()));
    }
    return proxySummary(row)
        .add("conversationId", text(row.conversationId()))
        .add("branchId", text(row.branchId()))
        .add("parentRequestId", text(row.parentRequestId()))
        .add("requestBody", document(row.requestBody()))
        .add("responseBody", document(row.responseBody()))
        .add("usageData", document(row.usageData()))
        .add("streamingChunks", streamingChunks);
  }

  /** Builds the dashboard's columns of a row, without the bodies. */
  static JsonObjectBuilder dashboardRow(RequestRow row) {
    return JSON.createObjectBuilder()
        .add("request_id", row.requestId().toString())
        .add("domain", row.domain())
        .add("timestamp", time(row.timestamp()))
        .add("method", text(row.method()))
        .add("path", text(row.path()))
        .add("model", text(row.model()))
        .add("request_type", text(row.requestType()))
        .add("response_status", number(row.responseStatus()))
        .add("input_tokens", row.inputTokens())
        .add("output_tokens", row.outputTokens())
        .add("total_tokens", row.totalTokens())
        .add("cache_creation_input_tokens", row.cacheCreationInputTokens())
        .add("cache_read_input_tokens", row.cacheReadInputTokens())
        .add("duration_ms", number(row.durationMs()))
        .add("error", text(row.error()))
        .add("outcome", text(row.outcome()))
        .add("cost_usd", decimal(row.costUsd()))
        .add("conversation_id", text(row.conversationId()))
        .add("branch_id", text(row.branchId()))
        .add("parent_request_id", text(row.parentRequestId()))
        .add("account_id", text(row.accountId()))
        .add("is_subtask", row.subtask());
  }

  /** Builds a dashboard list item: the columns and the bodies. */
  static JsonObjectBuilder dashboardItem(RequestRow row) {
    return dashboardRow(row)
        .add("request_body", document(row.requestBody()))
        .add("response_body", document(row.responseBody()));
  }

  /** Builds the dashboard's chunk list of one request. */
  static JsonArrayBuilder dashboardChunks(List<RequestQueries.Chunk> chunks) {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    for (RequestQueries.Chunk chunk : chunks) {
      array.add(JSON.createObjectBuilder()
          .add("chunk_index", chunk.index())
          .add("timestamp", time(chunk.timestamp()))
          .add("event_type", text(chunk.eventType()))
          .add("data", text(chunk.data()))
          .add("token_count", chunk.tokenCount()));
    }
    return array;
  }

  /**
   * Returns a stored JSON document as JSON. Text that does not parse (a body the client sent
   * malformed) is returned as a string, so nothing stored is hidden.
   */
  static JsonValue document(String stored) {
    if (stored == null) {
      return JsonValue.NULL;
    }
    try (var reader = JSON.createReader(new StringReader(stored))) {
      return reader.readValue();
    } catch (JsonException e) {
      return JSON.createValue(stored);
    }
  }

  private static JsonValue text(Object value) {
    return value == null ? JsonValue.NULL : JSON.createValue(value.toString());
  }

  private static JsonValue number(Integer value) {
    return value == null ? JsonValue.NULL : JSON.createValue(value);
  }

  private static JsonValue decimal(BigDecimal value) {
    return value == null ? JsonValue.NULL : JSON.createValue(value.stripTrailingZeros());
  }

  private static JsonValue time(OffsetDateTime value) {
    return value == null ? JsonValue.NULL : JSON.createValue(value.toInstant().toString());
  }
}
