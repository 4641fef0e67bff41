package dev.claudenexus.proxy.recording;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.claudenexus.usage.TokenUsage;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonResponseReaderTest {

  private static final String MESSAGE = """
      {"id":"msg_01","type":"message","role":"assistant","model":"claude-opus-4-20250514",
       "content":[{"type":"text","text":"Let me look."},
         {"type":"tool_use","id":"toolu_1","name":"Read","input":{"path":"a.txt"}},
         {"type":"tool_use","id":"toolu_2","name":"Grep","input":{"pattern":"x","n":3}}],
       "stop_reason":"tool_use","stop_sequence":null,
       "usage":{"input_tokens":12,"cache_creation_input_tokens":300,
         "cache_read_input_tokens":4000,"output_tokens":55,
         "cache_creation":{"ephemeral_5m_input_tokens":100,"ephemeral_1h_input_tokens":200},
         "service_tier":"standard"}}
      """;

  private static RecordedResponse read(String body, int status) {
    return JsonResponseReader.read(Sse.utf8(body), status);
  }

  @Test
  void messageBodyGivesUsageAndModel() {
    RecordedResponse response = read(MESSAGE, 200);

    assertEquals(Outcome.COMPLETE, response.outcome());
    assertEquals(new TokenUsage(12, 55, 300, 4000, 100, 200), response.usage());
    assertEquals("claude-opus-4-20250514", response.model());
    assertEquals("standard", response.usageJson().getString("service_tier"));
    assertFalse(response.streaming());
  }

  @Test
  void messageBodyIsKeptAsReceived() {
    assertEquals(MESSAGE, read(MESSAGE, 200).responseBody());
  }

  @Test
  void messageBodyGivesToolCalls() {
    RecordedResponse response = read(MESSAGE, 200);

    assertEquals(2, response.toolCallCount());
    assertEquals(List.of(
            new ToolCall("toolu_1", "Read", "{\"path\":\"a.txt\"}", true),
            new ToolCall("toolu_2", "Grep", "{\"pattern\":\"x\",\"n\":3}", true)),
        response.toolCalls());
  }

  @Test
  void overloadedErrorBody() {
    RecordedResponse response = read(
        "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}",
        529);

    assertEquals(Outcome.ERROR, response.outcome());
    assertEquals("overloaded_error", response.errorType());
    assertEquals("Overloaded", response.errorMessage());
    assertEquals(TokenUsage.NONE, response.usage());
  }

  @Test
  void nonJsonErrorBodyIsApiError() {
    String html = "<html>" + "bad gateway ".repeat(100) + "</html>";

    RecordedResponse response = read(html, 502);

    assertEquals(Outcome.ERROR, response.outcome());
    assertEquals("api_error", response.errorType());
    assertEquals(html.substring(0, 500), response.errorMessage());
    assertNull(response.responseBody());
  }

  @Test
  void emptyErrorBodyNamesStatus() {
    RecordedResponse response = JsonResponseReader.read(new byte[0], 503);

    assertEquals("api_error", response.errorType());
    assertEquals("empty response body with HTTP status 503", response.errorMessage());
  }

  @Test
  void jsonErrorBodyOfOtherShape() {
    RecordedResponse response = read("{\"detail\":\"nope\"}", 400);

    assertEquals("api_error", response.errorType());
    assertEquals("{\"detail\":\"nope\"}", response.errorMessage());
  }

  @Test
  void nonJsonSuccessBodyHasNoUsage() {
    RecordedResponse response = read("not json at all", 200);

    assertEquals(Outcome.COMPLETE, response.outcome());
    assertEquals(TokenUsage.NONE, response.usage());
    assertNull(response.responseBody());
    assertNull(response.usageJson());
  }

  @Test
  void hostileBodiesNeverThrow() {
    List<String> bodies = List.of(
        "",
        "{",
        "null",
        "[1,2,3]",
        "\"text\"",
        "{\"usage\":{\"input_tokens\":1e999999999,\"output_tokens\":-1e999999999}}",
        "{\"usage\":{\"input_tokens\":123456789012345678901234567890}}",
        "{\"usage\":{\"input_tokens\":0.000000000000000000000001}}",
        "{\"usage\":\"none\",\"content\":\"x\",\"model\":7}",
        "{\"content\":[1,null,{\"type\":\"tool_use\"},{\"type\":\"tool_use\",\"input\":[1]}]}",
        "{\"error\":{\"type\":5,\"message\":[]}}",
        "[".repeat(100_000),
        "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000),
        "{\"a\":1}{\"b\":2}",
        "\uFFFF\u0000\uD800");
    for (String body : bodies) {
      for (int status : new int[] {200, 400, 529}) {
        String label = "status " + status + ", body starting "
            + body.substring(0, Math.min(body.length(), 20));
        assertDoesNotThrow(() -> read(body, status), label);
      }
    }
    assertDoesNotThrow(() -> JsonResponseReader.read(null, 200));
    assertDoesNotThrow(() -> JsonResponseReader.read(new byte[] {(byte) 0xC3, 0x28, -1}, 500));
  }

  @Test
  void hugeCountsAreClamped() {
    RecordedResponse response = read(
        "{\"usage\":{\"input_tokens\":1e999999999,\"output_tokens\":-4}}", 200);

    assertEquals(Long.MAX_VALUE, response.usage().inputTokens());
    assertEquals(0, response.usage().outputTokens());
  }

  @Test
  void nonObjectToolInputIsNotParsed() {
    RecordedResponse response = read(
        "{\"content\":[{\"type\":\"tool_use\",\"id\":\"t\",\"name\":\"n\",\"input\":[1]}]}", 200);

    assertEquals(new ToolCall("t", "n", "[1]", false), response.toolCalls().get(0));
  }
}
