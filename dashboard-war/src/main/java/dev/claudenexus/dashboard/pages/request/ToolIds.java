package dev.claudenexus.dashboard.pages.request;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;

/** Reads the ids of tool blocks, which the page uses to pair calls with results. */
final class ToolIds {

  private ToolIds() {}

  /** Returns a string id as it is, a numeric id as its JSON text, or {@code null} for none. */
  static String of(JsonValue id) {
    if (id instanceof JsonString string) {
      return string.getString().isEmpty() ? null : string.getString();
    }
    if (id != null && id.getValueType() == JsonValue.ValueType.NUMBER) {
      return id.toString();
    }
    return null;
  }

  /** Adds the id and name of every {@code tool_use} block in {@code content} to {@code names}. */
  static void collectNames(JsonValue content, Map<String, String> names) {
    if (!(content instanceof JsonArray array)) {
      return;
    }
    for (JsonValue item : array) {
      if (item instanceof JsonObject block
          && block.get("type") instanceof JsonString type && type.getString().equals("tool_use")
          && block.get("name") instanceof JsonString name) {
        String id = of(block.get("id"));
        if (id != null) {
          names.putIfAbsent(id, name.getString());
        }
      }
    }
  }
}
