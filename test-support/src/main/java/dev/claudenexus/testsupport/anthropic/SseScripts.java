package dev.claudenexus.testsupport.anthropic;

import java.nio.charset.StandardCharsets;

/**
 * Ready-made server-sent event streams of the Messages API, as UTF-8 bytes.
 *
 * <p>Each stream follows the event order of the Anthropic streaming documentation
 * (docs.anthropic.com/en/docs/build-with-claude/streaming): {@code message_start}, then per content
 * block {@code content_block_start}, deltas and {@code content_block_stop}, then {@code message_delta}
 * and {@code message_stop}. Every event is an {@code event:} line, a {@code data:} line and a blank
 * line, all ending in LF. {@link BodyWrites} splits a script into writes.
 */
public final class SseScripts {

  /** Message id of the scripts whose overload takes none. */
  public static final String MESSAGE_ID = "msg_fake";

  private static final String PING = event("ping", "{\"type\": \"ping\"}");

  private static final String MESSAGE_STOP = event("message_stop", "{\"type\":\"message_stop\"}");

  private SseScripts() {
  }

  /** Returns the plain text stream: one text block {@code "Hello"}, 10 input and 5 output tokens. */
  public static byte[] s0(String model) {
    return s0(model, MESSAGE_ID);
  }

  /** Returns the plain text stream of {@link #s0(String)} with this message id. */
  public static byte[] s0(String model, String messageId) {
    return script(
        messageStart(model, messageId, "{\"input_tokens\":10,\"output_tokens\":1}"),
        textBlockStart(0),
        PING,
        textDelta(0, "Hello"),
        blockStop(0),
        messageDelta("end_turn", "{\"output_tokens\":5}"),
        MESSAGE_STOP);
  }

  /** Returns a stream with a text block, then a {@code get_weather} tool call sent as partial JSON. */
  public static byte[] toolUse(String model) {
    return script(
        messageStart(model, MESSAGE_ID, "{\"input_tokens\":472,\"output_tokens\":2}"),
        textBlockStart(0),
        PING,
        textDelta(0, "Let me check the weather."),
        blockStop(0),
        event("content_block_start", "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":"
            + "{\"type\":\"tool_use\",\"id\":\"toolu_fake\",\"name\":\"get_weather\",\"input\":{}}}"),
        inputJsonDelta(1, ""),
        inputJsonDelta(1, "{\\\"location\\\":"),
        inputJsonDelta(1, " \\\"Paris, France\\\"}"),
        blockStop(1),
        messageDelta("tool_use", "{\"output_tokens\":89}"),
        MESSAGE_STOP);
  }

  /** Returns an extended thinking stream: a thinking block with its signature, then a text block. */
  public static byte[] thinking(String model) {
    return script(
        messageStart(model, MESSAGE_ID, "{\"input_tokens\":20,\"output_tokens\":1}"),
        event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":"
            + "{\"type\":\"thinking\",\"thinking\":\"\"}}"),
        PING,
        delta(0, "{\"type\":\"thinking_delta\",\"thinking\":\"The user greets me. \"}"),
        delta(0, "{\"type\":\"thinking_delta\",\"thinking\":\"A short greeting fits.\"}"),
        delta(0, "{\"type\":\"signature_delta\",\"signature\":\"EqQBCgIYAhIMfakeSignature==\"}"),
        blockStop(0),
        textBlockStart(1),
        textDelta(1, "Hello"),
        blockStop(1),
        messageDelta("end_turn", "{\"output_tokens\":30}"),
        MESSAGE_STOP);
  }

  /** Returns a text stream whose usage reports prompt cache reads and writes split by cache lifetime. */
  public static byte[] cacheUsage(String model) {
    return script(
        messageStart(model, MESSAGE_ID, "{\"input_tokens\":50,\"cache_creation_input_tokens\":120,"
            + "\"cache_read_input_tokens\":2400,\"cache_creation\":{\"ephemeral_5m_input_tokens\":100,"
            + "\"ephemeral_1h_input_tokens\":20},\"output_tokens\":1}"),
        textBlockStart(0),
        PING,
        textDelta(0, "Hello"),
        blockStop(0),
        messageDelta("end_turn", "{\"output_tokens\":87}"),
        MESSAGE_STOP);
  }

  /** Returns a stream that starts a text block, sends {@code "Hel"}, then an {@code overloaded_error} event. */
  public static byte[] errorAfterStart(String model) {
    return script(
        messageStart(model, MESSAGE_ID, "{\"input_tokens\":10,\"output_tokens\":1}"),
        textBlockStart(0),
        textDelta(0, "Hel"),
        event("error", new String(ApiErrors.body("overloaded_error", "Overloaded"), StandardCharsets.UTF_8)));
  }

  /** Returns one event: an {@code event:} line, a {@code data:} line and a blank line. */
  public static String event(String name, String data) {
    return "event: " + name + "\ndata: " + data + "\n\n";
  }

  private static byte[] script(String... events) {
    return String.join("", events).getBytes(StandardCharsets.UTF_8);
  }

  private static String messageStart(String model, String messageId, String usage) {
    return event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"" + Json.escape(messageId)
        + "\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"" + Json.escape(model)
        + "\",\"content\":[],\"stop_reason\":null,\"usage\":" + usage + "}}");
  }

  private static String textBlockStart(int index) {
    return event("content_block_start", "{\"type\":\"content_block_start\",\"index\":" + index
        + ",\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
  }

  private static String textDelta(int index, String text) {
    return delta(index, "{\"type\":\"text_delta\",\"text\":\"" + Json.escape(text) + "\"}");
  }

  /** Returns an {@code input_json_delta} event, whose {@code partialJson} must already be escaped for a JSON string. */
  private static String inputJsonDelta(int index, String partialJson) {
    return delta(index, "{\"type\":\"input_json_delta\",\"partial_json\":\"" + partialJson + "\"}");
  }

  private static String delta(int index, String delta) {
    return event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":" + index
        + ",\"delta\":" + delta + "}");
  }

  private static String blockStop(int index) {
    return event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":" + index + "}");
  }

  private static String messageDelta(String stopReason, String usage) {
    return event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"" + stopReason
        + "\",\"stop_sequence\":null},\"usage\":" + usage + "}");
  }
}
