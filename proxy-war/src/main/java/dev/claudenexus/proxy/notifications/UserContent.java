package dev.claudenexus.proxy.notifications;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/** The user's text of a Messages API request, as a notification shows it. */
final class UserContent {

  private UserContent() {}

  /**
   * Returns the text of the last {@code user} message: string content as it is, or the text blocks
   * joined by newlines. With more than two text blocks in an {@code inference} request the first and
   * last are dropped, because Claude Code puts system reminders there. Returns an empty string when
   * there is no user message.
   */
  static String of(JsonObject body, boolean inference) {
    JsonValue content = lastUserContent(body);
    if (content instanceof JsonString text) {
      return text.getString();
    }
    List<String> parts = textParts(content);
    if (inference && parts.size() > 2) {
      parts = parts.subList(1, parts.size() - 1);
    }
    return String.join("\n", parts);
  }

  private static JsonValue lastUserContent(JsonObject body) {
    if (body == null || !(body.get("messages") instanceof JsonArray messages)) {
      return null;
    }
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i) instanceof JsonObject message
          && message.get("role") instanceof JsonString role && role.getString().equals("user")) {
        return message.get("content");
      }
    }
    return null;
  }

  private static List<String> textParts(JsonValue content) {
    List<String> parts = new ArrayList<>();
    if (content instanceof JsonArray blocks) {
      for (JsonValue block : blocks) {
        if (block instanceof JsonObject object
            && object.get("type") instanceof JsonString type && type.getString().equals("text")
            && object.get("text") instanceof JsonString text) {
          parts.add(text.getString());
        }
      }
    }
    return parts;
  }
}
