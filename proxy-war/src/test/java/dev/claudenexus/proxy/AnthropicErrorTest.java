package dev.claudenexus.proxy;

import static dev.claudenexus.json.JsonProviders.JSON;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnthropicErrorTest {

  private static JsonObject parse(String text) {
    return JSON.createReader(new StringReader(text)).readObject();
  }

  @Test
  void bodyHasAnthropicShape() {
    JsonObject body = parse(AnthropicError.body("invalid_request_error", "model: required"));

    assertEquals(Set.of("type", "error"), body.keySet());
    assertEquals("error", body.getString("type"));
    assertEquals(Set.of("type", "message"), body.getJsonObject("error").keySet());
    assertEquals("invalid_request_error", body.getJsonObject("error").getString("type"));
    assertEquals("model: required", body.getJsonObject("error").getString("message"));
  }

  @Test
  void bodyIsCompactJson() {
    assertEquals("{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"failed\"}}",
        AnthropicError.body("api_error", "failed"));
  }

  @Test
  void quotesAndNewlinesAreEscaped() {
    String message = "Bad \"value\"\nsecond line\r\tend \\ \u0001";

    String body = AnthropicError.body("api_error", message);

    assertEquals(message, parse(body).getJsonObject("error").getString("message"));
    assertEquals(-1, body.indexOf('\n'));
  }

  @Test
  void injectedJsonStaysInMessage() {
    String message = "x\",\"type\":\"overridden";

    JsonObject error = parse(AnthropicError.body("api_error", message)).getJsonObject("error");

    assertEquals("api_error", error.getString("type"));
    assertEquals(message, error.getString("message"));
  }

  @Test
  void unicodeMessageIsKept() {
    String message = "Gr\u00fc\u00dfe \u4f60\u597d \uD83D\uDE00";

    assertEquals(message, parse(AnthropicError.body("api_error", message)).getJsonObject("error").getString("message"));
  }

  @Test
  void statusesMapToTypes() {
    assertEquals("invalid_request_error", AnthropicError.typeFor(400));
    assertEquals("authentication_error", AnthropicError.typeFor(401));
    assertEquals("permission_error", AnthropicError.typeFor(403));
    assertEquals("not_found_error", AnthropicError.typeFor(404));
    assertEquals("request_too_large", AnthropicError.typeFor(413));
    assertEquals("rate_limit_error", AnthropicError.typeFor(429));
    assertEquals("api_error", AnthropicError.typeFor(500));
    assertEquals("api_error", AnthropicError.typeFor(502));
    assertEquals("timeout_error", AnthropicError.typeFor(504));
  }
}
