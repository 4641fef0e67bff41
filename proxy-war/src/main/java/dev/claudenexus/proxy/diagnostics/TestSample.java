package dev.claudenexus.proxy.diagnostics;

import static dev.claudenexus.json.JsonProviders.JSON;

import dev.claudenexus.proxy.forwarding.RequestCompleted;
import dev.claudenexus.storage.RequestRecord;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON document of one test sample: the request (whitelisted headers, scrubbed body, query
 * parameters), metadata about it, and the response with its usage. Credential headers hold only
 * their mask, and every string passes through {@link SampleScrubber}.
 */
final class TestSample {

  /** Request headers a sample keeps; {@code authorization} and {@code x-api-key} are kept masked. */
  static final Set<String> KEPT_HEADERS = Set.of("content-type", "user-agent", "accept",
      "accept-encoding", "host", "content-length", "anthropic-version", "anthropic-beta",
      "authorization", "x-api-key");

  private TestSample() {}

  /** Returns the parsed request body, or null when it is absent or not a JSON object. */
  static JsonObject requestJson(RequestRecord record) {
    JsonValue body = parse(record.requestBody());
    return body instanceof JsonObject object ? object : null;
  }

  static JsonObject of(RequestCompleted completed, JsonObject requestBody) {
    RequestRecord record = completed.record();
    return JSON.createObjectBuilder()
        .add("timestamp", record.timestamp().toInstant().toString())
        .add("method", record.method())
        .add("path", record.path())
        .add("headers", headers(completed.requestHeaders()))
        .add("body", requestBody == null ? scrubbedText(record.requestBody())
            : SampleScrubber.scrub(requestBody))
        .add("queryParams", queryParameters(record.queryString()))
        .add("metadata", JSON.createObjectBuilder()
            .add("requestType", record.requestType())
            .add("isStreaming", record.streaming())
            .add("hasTools", SampleFileName.hasTools(requestBody))
            .add("modelUsed", record.model() == null ? JsonValue.NULL : JSON.createValue(record.model()))
            .add("messageCount", record.messageCount()))
        .add("response", response(record))
        .build();
  }

  private static JsonObject response(RequestRecord record) {
    JsonObjectBuilder metadata = JSON.createObjectBuilder()
        .add("inputTokens", record.usage().inputTokens())
        .add("outputTokens", record.usage().outputTokens())
        .add("toolCalls", record.toolCallCount());
    if (!record.chunks().isEmpty()) {
      metadata.add("streamingChunks", record.chunks().size());
    }
    JsonValue headers = parse(record.responseHeaders());
    JsonValue body = parse(record.responseBody());
    return JSON.createObjectBuilder()
        .add("status", record.responseStatus())
        .add("headers", headers == null ? JsonValue.EMPTY_JSON_OBJECT : SampleScrubber.scrub(headers))
        .add("body", body == null ? scrubbedText(record.responseBody()) : SampleScrubber.scrub(body))
        .add("metadata", metadata)
        .build();
  }

  private static JsonObject headers(Map<String, List<String>> maskedHeaders) {
    JsonObjectBuilder kept = JSON.createObjectBuilder();
    maskedHeaders.forEach((name, values) -> {
      if (KEPT_HEADERS.contains(name)) {
        kept.add(name, SampleScrubber.scrub(String.join(", ", values)));
      }
    });
    return kept.build();
  }

  private static JsonObject queryParameters(String query) {
    JsonObjectBuilder parameters = JSON.createObjectBuilder();
    if (query == null || query.isEmpty()) {
      return parameters.build();
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      if (!name.isEmpty()) {
        parameters.add(SampleScrubber.scrub(name), SampleScrubber.scrub(value));
      }
    }
    return parameters.build();
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }

  private static JsonValue scrubbedText(String text) {
    return text == null ? JsonValue.NULL : JSON.createValue(SampleScrubber.scrub(text));
  }

  private static JsonValue parse(String json) {
    if (json == null || json.isBlank()) {
      return null;
    }
    try {
      return JSON.createReader(new StringReader(json)).readValue();
    } catch (RuntimeException e) {
      // Parsson throws JsonException for syntax errors and a plain RuntimeException for deep
      // nesting; either way the text is kept as scrubbed text instead.
      return null;
    }
  }
}
