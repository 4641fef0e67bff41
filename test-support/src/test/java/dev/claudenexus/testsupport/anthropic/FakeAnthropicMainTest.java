package dev.claudenexus.testsupport.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FakeAnthropicMainTest {

  private static ReceivedRequest request(List<HeaderField> headers, String body) {
    return new ReceivedRequest(3, 1, "POST", "/v1/messages?beta=true", "HTTP/1.1",
        new HeaderFields(headers), body.getBytes(StandardCharsets.UTF_8), new HeaderFields(List.of()),
        Instant.now());
  }

  @Test
  void describeShowsClientHeaders() {
    ReceivedRequest request = request(List.of(
        new HeaderField("Anthropic-Beta", "claude-code-20250219"),
        new HeaderField("x-app", "cli"),
        new HeaderField("X-Stainless-Os", "Linux")),
        "{\"stream\":true}");

    assertEquals("request #3 POST /v1/messages?beta=true body=15B stream=true"
        + " anthropic-beta=\"claude-code-20250219\" x-app=\"cli\" other-headers=x-stainless-os",
        FakeAnthropicMain.describe(request));
  }

  @Test
  void describeHidesKeyValues() {
    ReceivedRequest request = request(List.of(
        new HeaderField("x-api-key", "sk-ant-secret-1"),
        new HeaderField("Authorization", "Bearer sk-ant-secret-2")),
        "{}");

    String line = FakeAnthropicMain.describe(request);

    assertFalse(line.contains("secret"), line);
    assertEquals("request #3 POST /v1/messages?beta=true body=2B stream=false"
        + " other-headers=x-api-key,authorization", line);
  }
}
