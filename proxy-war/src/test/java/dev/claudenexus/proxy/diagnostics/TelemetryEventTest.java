package dev.claudenexus.proxy.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.claudenexus.proxy.Completions;
import dev.claudenexus.proxy.forwarding.RequestCompleted;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TelemetryEventTest {

  @Test
  void successHasOriginalFields() {
    RequestCompleted completed = new Completions().build();

    JsonObject json = TelemetryEvent.of(completed);

    assertEquals(Set.of("requestId", "timestamp", "domain", "apiKey", "model", "inputTokens",
        "outputTokens", "duration", "status", "toolCallCount", "requestType"), json.keySet());
    assertEquals(completed.record().requestId().toString(), json.getString("requestId"));
    assertEquals("2025-06-20T12:00:00Z", json.getString("timestamp"));
    assertEquals("team.example.com", json.getString("domain"));
    assertEquals("cnp_****", json.getString("apiKey"));
    assertEquals(120, json.getInt("inputTokens"));
    assertEquals(45, json.getInt("outputTokens"));
    assertEquals(500, json.getInt("duration"));
    assertEquals(200, json.getInt("status"));
    assertEquals("inference", json.getString("requestType"));
  }

  @Test
  void failureHasMaskedError() {
    JsonObject json = TelemetryEvent.of(new Completions().failure(401, "bad key sk-ant-api03-x").build());

    assertEquals("bad key sk-ant-****", json.getString("error"));
  }

  @Test
  void missingKeyIsNull() {
    Completions completions = new Completions();
    completions.maskedKey = null;

    JsonObject json = TelemetryEvent.of(completions.build());

    assertEquals(JsonValue.NULL, json.get("apiKey"));
    assertFalse(json.containsKey("error"));
    assertTrue(json.containsKey("model"));
  }
}
