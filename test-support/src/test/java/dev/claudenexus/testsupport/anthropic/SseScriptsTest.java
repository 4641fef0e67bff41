package dev.claudenexus.testsupport.anthropic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SseScriptsTest {

  private static final String MODEL = "claude-opus-4-1";
  private static final Duration DELAY = Duration.ofMillis(3);

  @Test
  void s0FollowsDocumentedEventOrder() {
    assertEquals(List.of("message_start", "content_block_start", "ping", "content_block_delta",
        "content_block_stop", "message_delta", "message_stop"), eventNames(SseScripts.s0(MODEL)));
  }

  @Test
  void toolUseFollowsDocumentedEventOrder() {
    assertEquals(List.of("message_start", "content_block_start", "ping", "content_block_delta",
        "content_block_stop", "content_block_start", "content_block_delta", "content_block_delta",
        "content_block_delta", "content_block_stop", "message_delta", "message_stop"),
        eventNames(SseScripts.toolUse(MODEL)));
  }

  @Test
  void toolUsePartialsJoinToInput() {
    String script = text(SseScripts.toolUse(MODEL));
    StringBuilder input = new StringBuilder();
    Matcher partial = Pattern.compile("\"partial_json\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(script);
    while (partial.find()) {
      input.append(partial.group(1).replace("\\\"", "\""));
    }

    assertEquals("{\"location\": \"Paris, France\"}", input.toString());
    assertTrue(script.contains("\"stop_reason\":\"tool_use\""));
  }

  @Test
  void thinkingSignatureFollowsThinkingDeltas() {
    String script = text(SseScripts.thinking(MODEL));
    int lastThinking = script.lastIndexOf("\"thinking_delta\"");
    int signature = script.indexOf("\"signature_delta\"");
    int text = script.indexOf("\"text_delta\"");

    assertTrue(lastThinking > 0, script);
    assertTrue(signature > lastThinking, script);
    assertTrue(text > signature, script);
  }

  @Test
  void cacheUsageReportsCacheTokens() {
    String script = text(SseScripts.cacheUsage(MODEL));

    assertTrue(script.contains("\"usage\":{\"input_tokens\":50,\"cache_creation_input_tokens\":120,"
        + "\"cache_read_input_tokens\":2400,\"cache_creation\":{\"ephemeral_5m_input_tokens\":100,"
        + "\"ephemeral_1h_input_tokens\":20},\"output_tokens\":1}"), script);
    assertTrue(script.contains("\"usage\":{\"output_tokens\":87}"), script);
  }

  @Test
  void errorAfterStartEndsWithErrorEvent() {
    String script = text(SseScripts.errorAfterStart(MODEL));

    assertEquals(List.of("message_start", "content_block_start", "content_block_delta", "error"),
        eventNames(SseScripts.errorAfterStart(MODEL)));
    assertTrue(script.contains("\"text\":\"Hel\""), script);
    assertTrue(script.endsWith("event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\","
        + "\"message\":\"Overloaded\"}}\n\n"), script);
  }

  @Test
  void eventDataTypeMatchesEventName() {
    for (byte[] script : List.of(SseScripts.s0(MODEL), SseScripts.toolUse(MODEL), SseScripts.thinking(MODEL),
        SseScripts.cacheUsage(MODEL), SseScripts.errorAfterStart(MODEL))) {
      for (String event : text(script).split("\n\n")) {
        String name = event.substring("event: ".length(), event.indexOf('\n'));
        String data = event.substring(event.indexOf("\ndata: ") + "\ndata: ".length());
        assertTrue(data.startsWith("{\"type\":\"" + name + "\"") || data.startsWith("{\"type\": \"" + name + "\""),
            event);
      }
    }
  }

  @Test
  void modelIsEscapedInScript() {
    assertTrue(text(SseScripts.s0("a\"b")).contains("\"model\":\"a\\\"b\""));
  }

  @Test
  void splitAtCutsBeforeOffsets() {
    List<BodyWrite> writes = BodyWrites.splitAt("abcdef".getBytes(StandardCharsets.UTF_8), DELAY, 1, 4);

    assertEquals(List.of("a", "bcd", "ef"), texts(writes));
    assertEquals(List.of(Duration.ZERO, DELAY, DELAY), delays(writes));
  }

  @Test
  void splitAtRejectsUnorderedOffsets() {
    byte[] script = "abcdef".getBytes(StandardCharsets.UTF_8);

    assertThrows(IllegalArgumentException.class, () -> BodyWrites.splitAt(script, DELAY, 4, 2));
    assertThrows(IllegalArgumentException.class, () -> BodyWrites.splitAt(script, DELAY, 6));
  }

  @Test
  void bytewiseSendsOneBytePerWrite() {
    byte[] script = SseScripts.s0(MODEL);
    List<BodyWrite> writes = BodyWrites.bytewise(script, DELAY);

    assertEquals(script.length, writes.size());
    assertTrue(writes.stream().allMatch(write -> write.length() == 1));
    assertArrayEquals(script, BodyWrites.join(writes));
  }

  @Test
  void piecesHaveRequestedSize() {
    List<BodyWrite> writes = BodyWrites.pieces("abcdefg".getBytes(StandardCharsets.UTF_8), 3, DELAY);

    assertEquals(List.of("abc", "def", "g"), texts(writes));
  }

  @Test
  void perEventSplitsAfterBlankLines() {
    byte[] script = SseScripts.toolUse(MODEL);
    List<BodyWrite> writes = BodyWrites.perEvent(script, DELAY);

    assertEquals(eventNames(script).size(), writes.size());
    assertTrue(texts(writes).stream().allMatch(event -> event.startsWith("event: ")));
    assertTrue(texts(writes).stream().allMatch(event -> event.endsWith("\n\n")));
    assertArrayEquals(script, BodyWrites.join(writes));
  }

  @Test
  void errorBodyHasAnthropicShape() {
    assertEquals("{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}",
        text(ApiErrors.body("overloaded_error", "Overloaded")));
  }

  @Test
  void errorTypeFollowsStatus() {
    assertEquals("rate_limit_error", ApiErrors.typeFor(429));
    assertEquals("overloaded_error", ApiErrors.typeFor(529));
    assertEquals("api_error", ApiErrors.typeFor(503));
    assertEquals("invalid_request_error", ApiErrors.typeFor(422));
  }

  private static List<String> eventNames(byte[] script) {
    List<String> names = new ArrayList<>();
    for (String line : text(script).split("\n")) {
      if (line.startsWith("event: ")) {
        names.add(line.substring("event: ".length()));
      }
    }
    return names;
  }

  private static List<String> texts(List<BodyWrite> writes) {
    return writes.stream().map(write -> text(write.bytes())).toList();
  }

  private static List<Duration> delays(List<BodyWrite> writes) {
    return writes.stream().map(BodyWrite::delayBefore).toList();
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
