package dev.claudenexus.proxy.notifications;

import static dev.claudenexus.json.JsonProviders.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The text and tool calls of a recorded response body (the message JSON as the Messages API
 * returns it, or as the recorder rebuilt it from a stream).
 *
 * @param text the {@code text} blocks joined by newlines
 */
record AssistantReply(String text, List<ToolUse> toolUses) {

  /** One {@code tool_use} block; {@code input} is empty when the block had no object input. */
  record ToolUse(String name, JsonObject input) {}

  /** Reads the body; a null or unreadable body gives an empty reply. */
  static AssistantReply parse(String responseBody) {
    List<String> texts = new ArrayList<>();
    List<ToolUse> tools = new ArrayList<>();
    for (JsonValue block : contentBlocks(responseBody)) {
      if (!(block instanceof JsonObject object) || !(object.get("type") instanceof JsonString type)) {
        continue;
      }
      if (type.getString().equals("text") && object.get("text") instanceof JsonString text) {
        texts.add(text.getString());
      } else if (type.getString().equals("tool_use")) {
        String name = object.get("name") instanceof JsonString n ? n.getString() : "tool";
        JsonObject input = object.get("input") instanceof JsonObject in ? in : JsonValue.EMPTY_JSON_OBJECT;
        tools.add(new ToolUse(name, input));
      }
    }
    return new AssistantReply(String.join("\n", texts), List.copyOf(tools));
  }

  private static List<JsonValue> contentBlocks(String body) {
    if (body == null || body.isBlank()) {
      return List.of();
    }
    try {
      JsonValue message = JSON.createReader(new StringReader(body)).readValue();
      if (message instanceof JsonObject object && object.get("content") instanceof JsonArray content) {
        return content;
      }
    } catch (RuntimeException e) {
      // Parsson throws JsonException for syntax errors and a plain RuntimeException for deep nesting.
      // Either way the body is no message, so the notification shows no reply.
    }
    return List.of();
  }
}
