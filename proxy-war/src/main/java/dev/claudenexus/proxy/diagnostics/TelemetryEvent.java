package dev.claudenexus.proxy.diagnostics;

import static dev.claudenexus.json.JsonProviders.JSON;

import dev.claudenexus.proxy.forwarding.RequestCompleted;
import dev.claudenexus.proxy.masking.SecretMasker;
import dev.claudenexus.storage.RequestRecord;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * The telemetry document of one request, in the original product's field names: {@code requestId,
 * timestamp, domain, apiKey, model, inputTokens, outputTokens, duration} (ms), {@code status,
 * toolCallCount, requestType} and {@code error} when the request failed. {@code apiKey} is only the
 * mask of the client's key (such as {@code cnp_****}), never the key.
 */
final class TelemetryEvent {

  private TelemetryEvent() {}

  static JsonObject of(RequestCompleted completed) {
    RequestRecord record = completed.record();
    JsonObjectBuilder json = JSON.createObjectBuilder()
        .add("requestId", record.requestId().toString())
        .add("timestamp", record.timestamp().toInstant().toString())
        .add("domain", record.domain())
        .add("apiKey", nullable(completed.maskedClientKey()))
        .add("model", nullable(record.model()))
        .add("inputTokens", record.usage().inputTokens())
        .add("outputTokens", record.usage().outputTokens())
        .add("duration", record.durationMs())
        .add("status", record.responseStatus())
        .add("toolCallCount", record.toolCallCount())
        .add("requestType", record.requestType());
    if (completed.failed() && record.error() != null) {
      json.add("error", SecretMasker.mask(record.error()));
    }
    return json.build();
  }

  private static JsonValue nullable(String value) {
    return value == null ? JsonValue.NULL : JSON.createValue(value);
  }
}
