package dev.claudenexus.conversation;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Drops messages that repeat a tool call, working around a client bug that sent the same
 * {@code tool_use} and {@code tool_result} blocks again. A message whose content array has a
 * {@code tool_use} id or a {@code tool_result} {@code tool_use_id} seen before (in an earlier message
 * or earlier in the same one) is dropped whole. Every id is remembered, even in a dropped message.
 * Messages with string content are always kept. The two kinds of id are tracked separately, and an
 * id that JavaScript treats as false (empty string, 0, null) is never tracked.
 */
final class ToolBlockDeduplicator {

  private final Set<Object> toolUseIds = new HashSet<>();
  private final Set<Object> toolResultIds = new HashSet<>();

  /**
   * Returns the messages to hash, in their order.
   *
   * @throws UnhashableBodyException when a content array contains a JSON null, on which the original
   *     failed
   */
  static List<JsonObject> deduplicate(List<JsonObject> messages) {
    ToolBlockDeduplicator deduplicator = new ToolBlockDeduplicator();
    List<JsonObject> remaining = new ArrayList<>(messages.size());
    for (JsonObject message : messages) {
      if (!deduplicator.repeatsToolBlock(message)) {
        remaining.add(message);
      }
    }
    return remaining;
  }

  private boolean repeatsToolBlock(JsonObject message) {
    if (!(message.get("content") instanceof JsonArray content)) {
      return false;
    }
    boolean repeats = false;
    for (JsonValue item : content) {
      if (item.getValueType() == JsonValue.ValueType.NULL) {
        throw new UnhashableBodyException("invalid message content: array contains null");
      }
      if (item instanceof JsonObject block) {
        repeats |= isRepeat(block, "tool_use", "id", toolUseIds);
        repeats |= isRepeat(block, "tool_result", "tool_use_id", toolResultIds);
      }
    }
    return repeats;
  }

  private static boolean isRepeat(JsonObject block, String type, String idField, Set<Object> seen) {
    JsonValue id = block.get(idField);
    if (!hasType(block, type) || !JsValues.isTruthy(id)) {
      return false;
    }
    return !seen.add(setKey(id));
  }

  static boolean hasType(JsonObject block, String type) {
    return block.get("type") instanceof JsonString value && value.getString().equals(type);
  }

  /**
   * Returns the key under which a JavaScript {@code Set} would find the id: strings and numbers by
   * value (the string "5" and the number 5 differ, 5 and 5.0 do not), objects and arrays by identity.
   */
  private static Object setKey(JsonValue id) {
    return switch (id.getValueType()) {
      case STRING -> "string:" + ((JsonString) id).getString();
      case NUMBER -> "number:" + ((JsonNumber) id).doubleValue();
      case TRUE -> "true";
      default -> new Object();
    };
  }
}
