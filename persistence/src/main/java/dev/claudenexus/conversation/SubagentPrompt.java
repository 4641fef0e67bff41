package dev.claudenexus.conversation;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the prompt of what may be a sub-agent's first request: the text of its only message, without
 * reminder blocks. Literal backslash-n pairs become newlines, as the tool call's prompt has them, and
 * the text is trimmed, so surrounding whitespace that a client adds does not hide a match.
 */
final class SubagentPrompt {

  private SubagentPrompt() {}

  static Optional<String> of(JsonObject message) {
    JsonValue content = message.get("content");
    String text;
    if (content instanceof JsonString string) {
      text = ConversationText.stripReminders(string.getString());
    } else if (content instanceof JsonArray blocks) {
      text = joinedTextBlocks(blocks);
    } else {
      return Optional.empty();
    }
    text = ConversationText.jsTrim(text.replace("\\n", "\n"));
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  private static String joinedTextBlocks(JsonArray blocks) {
    List<String> parts = new ArrayList<>();
    for (JsonValue block : blocks) {
      if (block instanceof JsonObject object
          && object.get("type") instanceof JsonString type
          && type.getString().equals("text")
          && object.get("text") instanceof JsonString text) {
        String stripped = ConversationText.stripReminders(text.getString());
        if (!ConversationText.jsTrim(stripped).isEmpty()) {
          parts.add(stripped);
        }
      }
    }
    return String.join("\n", parts);
  }

  /** Returns the key of a prompt in the invocation index, computed as for {@link #of}. */
  static String key(String invocationPrompt) {
    return Sha256.hex(ConversationText.jsTrim(invocationPrompt));
  }
}
