package dev.claudenexus.storage;

import static dev.claudenexus.json.JsonProviders.JSON;

import dev.claudenexus.usage.TokenUsage;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Converts records to and from the one-line JSON form of the storage journal. */
final class RequestRecordJson {

  private RequestRecordJson() {}

  static String toLine(RequestRecord r) {
    JsonObjectBuilder b = JSON.createObjectBuilder();
    b.add("requestId", r.requestId().toString());
    put(b, "domain", r.domain());
    put(b, "timestamp", r.timestamp().toString());
    put(b, "method", r.method());
    put(b, "path", r.path());
    put(b, "queryString", r.queryString());
    put(b, "requestHeaders", r.requestHeaders());
    put(b, "requestBody", r.requestBody());
    put(b, "apiKeyHash", r.apiKeyHash());
    put(b, "accountId", r.accountId());
    put(b, "model", r.model());
    put(b, "requestType", r.requestType());
    b.add("messageCount", r.messageCount());

    b.add("responseStatus", r.responseStatus());
    put(b, "responseHeaders", r.responseHeaders());
    put(b, "responseBody", r.responseBody());
    b.add("streaming", r.streaming());

    b.add("usage", usageToJson(r.usage()));
    put(b, "usageJson", r.usageJson());
    if (r.costUsd() != null) {
      b.add("costUsd", r.costUsd());
    }
    if (r.firstTokenMs() != null) {
      b.add("firstTokenMs", r.firstTokenMs());
    }
    b.add("durationMs", r.durationMs());
    put(b, "outcome", r.outcome());
    put(b, "errorType", r.errorType());
    put(b, "error", r.error());
    b.add("toolCallCount", r.toolCallCount());
    b.add("upstreamAttempts", r.upstreamAttempts());

    JsonArrayBuilder chunks = JSON.createArrayBuilder();
    for (RequestRecord.StoredChunk c : r.chunks()) {
      JsonObjectBuilder chunk = JSON.createObjectBuilder().add("index", c.index());
      put(chunk, "timestamp", c.timestamp().toString());
      put(chunk, "eventType", c.eventType());
      put(chunk, "data", c.data());
      chunks.add(chunk);
    }
    b.add("chunks", chunks);
    return b.build().toString();
  }

  /**
   * Parses one journal line.
   *
   * @throws RuntimeException when the line is not a complete record, for example a line cut by a crash
   */
  static RequestRecord fromLine(String line) {
    JsonObject o = JSON.createReader(new StringReader(line)).readObject();
    List<RequestRecord.StoredChunk> chunks = new ArrayList<>();
    for (JsonValue value : o.getJsonArray("chunks")) {
      JsonObject c = value.asJsonObject();
      chunks.add(
          new RequestRecord.StoredChunk(
              c.getInt("index"),
              OffsetDateTime.parse(c.getString("timestamp")),
              text(c, "eventType"),
              text(c, "data")));
    }
    return new RequestRecord(
        UUID.fromString(o.getString("requestId")),
        text(o, "domain"),
        OffsetDateTime.parse(o.getString("timestamp")),
        text(o, "method"),
        text(o, "path"),
        text(o, "queryString"),
        text(o, "requestHeaders"),
        text(o, "requestBody"),
        text(o, "apiKeyHash"),
        text(o, "accountId"),
        text(o, "model"),
        text(o, "requestType"),
        o.getInt("messageCount"),
        o.getInt("responseStatus"),
        text(o, "responseHeaders"),
        text(o, "responseBody"),
        o.getBoolean("streaming"),
        usageFromJson(o.getJsonObject("usage")),
        text(o, "usageJson"),
        o.containsKey("costUsd") ? o.getJsonNumber("costUsd").bigDecimalValue() : null,
        o.containsKey("firstTokenMs") ? o.getInt("firstTokenMs") : null,
        o.getInt("durationMs"),
        text(o, "outcome"),
        text(o, "errorType"),
        text(o, "error"),
        o.getInt("toolCallCount"),
        o.getInt("upstreamAttempts"),
        chunks);
  }

  private static JsonObject usageToJson(TokenUsage u) {
    return JSON.createObjectBuilder()
        .add("input", u.inputTokens())
        .add("output", u.outputTokens())
        .add("cacheCreation", u.cacheCreationInputTokens())
        .add("cacheRead", u.cacheReadInputTokens())
        .add("cacheCreation5m", u.cacheCreation5mInputTokens())
        .add("cacheCreation1h", u.cacheCreation1hInputTokens())
        .build();
  }

  private static TokenUsage usageFromJson(JsonObject u) {
    return new TokenUsage(
        number(u, "input"),
        number(u, "output"),
        number(u, "cacheCreation"),
        number(u, "cacheRead"),
        number(u, "cacheCreation5m"),
        number(u, "cacheCreation1h"));
  }

  private static long number(JsonObject o, String key) {
    JsonNumber n = o.getJsonNumber(key);
    return n == null ? 0 : n.longValue();
  }

  private static void put(JsonObjectBuilder b, String key, String value) {
    if (value != null) {
      b.add(key, value);
    }
  }

  private static String text(JsonObject o, String key) {
    return o.containsKey(key) && !o.isNull(key) ? o.getString(key) : null;
  }

}
