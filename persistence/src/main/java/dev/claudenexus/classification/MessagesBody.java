package dev.claudenexus.classification;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Read-only view of a Messages API request body. Missing or mistyped fields read as empty instead of
 * throwing, so a malformed body can still be classified.
 */
final class MessagesBody {

  private final JsonObject body;

  MessagesBody(JsonObject body) {
    this.body = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
  }

  /**
   * Returns the text of the last message with role {@code user}, or an empty string when there is none.
   * The text is the content when that is a string, else the text blocks joined by newlines.
   */
  String lastUserText() {
    List<JsonObject> messages = messages();
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (hasRole(messages.get(i), "user")) {
        return contentText(messages.get(i).get("content"));
      }
    }
    return "";
  }

  /**
   * Returns the number of system prompt entries: the length of a {@code system} array, or 1 for a
   * non-empty {@code system} string, plus the number of messages with role {@code system}.
   */
  int systemEntryCount() {
    JsonValue system = body.get("system");
    int count = 0;
    if (system instanceof JsonArray entries) {
      count = entries.size();
    } else if (system instanceof JsonString text && !text.getString().isEmpty()) {
      count = 1;
    }
    return count + (int) messages().stream().filter(message -> hasRole(message, "system")).count();
  }

  private List<JsonObject> messages() {
    List<JsonObject> messages = new ArrayList<>();
    if (body.get("messages") instanceof JsonArray array) {
      for (JsonValue element : array) {
        if (element instanceof JsonObject message) {
          messages.add(message);
        }
      }
    }
    return messages;
  }

  private static boolean hasRole(JsonObject message, String role) {
    return message.get("role") instanceof JsonString value && value.getString().equals(role);
  }

  private static String contentText(JsonValue content) {
    if (content instanceof JsonString text) {
      return text.getString();
    }
    List<String> parts = new ArrayList<>();
    if (content instanceof JsonArray blocks) {
      for (JsonValue block : blocks) {
        if (block instanceof JsonObject object && isTextBlock(object)) {
          parts.add(((JsonString) object.get("text")).getString());
        }
      }
    }
    return String.join("\n", parts);
  }

  /** Returns whether a block is text: its {@code type} is "text" or absent, and its {@code text} is a string. */
  private static boolean isTextBlock(JsonObject block) {
    JsonValue type = block.get("type");
    boolean textType = type == null || (type instanceof JsonString name && name.getString().equals("text"));
    return textType && block.get("text") instanceof JsonString;
  }
}
