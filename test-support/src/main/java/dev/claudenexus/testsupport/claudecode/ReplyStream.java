package dev.claudenexus.testsupport.claudecode;

import dev.claudenexus.testsupport.anthropic.SseScripts;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes an {@link AssistantReply} as the Messages API streams it: {@code message_start}, per block a
 * start, deltas and a stop, then {@code message_delta} and {@code message_stop}. Text is sent in
 * deltas of up to {@value #TEXT_DELTA_LENGTH} characters and tool input as two {@code input_json_delta}
 * pieces, so a reader has to join the pieces to get the block back.
 */
final class ReplyStream {

  static final int TEXT_DELTA_LENGTH = 48;

  private ReplyStream() {
  }

  static byte[] events(AssistantReply reply, String model) {
    StringBuilder stream = new StringBuilder();
    stream.append(SseScripts.event("message_start", messageStart(reply, model)));
    List<JsonObject> blocks = reply.contentBlocks();
    for (int index = 0; index < blocks.size(); index++) {
      appendBlock(stream, index, blocks.get(index));
    }
    int outputTokens = Math.max(1, reply.text().length() / 4 + 40 * reply.toolCalls().size());
    stream.append(SseScripts.event("message_delta", Json.createObjectBuilder()
        .add("type", "message_delta")
        .add("delta", Json.createObjectBuilder()
            .add("stop_reason", reply.stopReason())
            .addNull("stop_sequence"))
        .add("usage", Json.createObjectBuilder().add("output_tokens", outputTokens))
        .build().toString()));
    stream.append(SseScripts.event("message_stop", "{\"type\":\"message_stop\"}"));
    return stream.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String messageStart(AssistantReply reply, String model) {
    return Json.createObjectBuilder()
        .add("type", "message_start")
        .add("message", Json.createObjectBuilder()
            .add("id", reply.messageId())
            .add("type", "message")
            .add("role", "assistant")
            .add("model", model)
            .add("content", Json.createArrayBuilder())
            .addNull("stop_reason")
            .addNull("stop_sequence")
            .add("usage", Json.createObjectBuilder()
                .add("input_tokens", 6)
                .add("cache_creation_input_tokens", 1840)
                .add("cache_read_input_tokens", 24312)
                .add("output_tokens", 1)))
        .build().toString();
  }

  private static void appendBlock(StringBuilder stream, int index, JsonObject block) {
    String type = block.getString("type");
    if (type.equals("text")) {
      stream.append(blockStart(index, Json.createObjectBuilder().add("type", "text").add("text", "")));
      String text = block.getString("text");
      for (int start = 0; start < text.length(); start += TEXT_DELTA_LENGTH) {
        String piece = text.substring(start, Math.min(text.length(), start + TEXT_DELTA_LENGTH));
        stream.append(delta(index, Json.createObjectBuilder().add("type", "text_delta").add("text", piece)));
      }
    } else {
      stream.append(blockStart(index, Json.createObjectBuilder()
          .add("type", "tool_use")
          .add("id", block.getString("id"))
          .add("name", block.getString("name"))
          .add("input", Json.createObjectBuilder())));
      String input = block.getJsonObject("input").toString();
      int middle = input.length() / 2;
      stream.append(delta(index, inputDelta(input.substring(0, middle))));
      stream.append(delta(index, inputDelta(input.substring(middle))));
    }
    stream.append(SseScripts.event("content_block_stop",
        "{\"type\":\"content_block_stop\",\"index\":" + index + "}"));
  }

  private static JsonObjectBuilder inputDelta(String partialJson) {
    return Json.createObjectBuilder().add("type", "input_json_delta").add("partial_json", partialJson);
  }

  private static String blockStart(int index, JsonObjectBuilder block) {
    return SseScripts.event("content_block_start", Json.createObjectBuilder()
        .add("type", "content_block_start")
        .add("index", index)
        .add("content_block", block)
        .build().toString());
  }

  private static String delta(int index, JsonObjectBuilder delta) {
    return SseScripts.event("content_block_delta", Json.createObjectBuilder()
        .add("type", "content_block_delta")
        .add("index", index)
        .add("delta", delta)
        .build().toString());
  }
}
