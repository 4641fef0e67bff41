package dev.claudenexus.dashboard.pages.conversation;

import dev.claudenexus.conversation.ConversationText;
import dev.claudenexus.dashboard.pages.request.JsonDocuments;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the text of a request's last user message: the summary the timeline shows and the prompt
 * a sub-agent's first request carries. System reminders are left out. Claude Code may send system
 * messages after it, which are skipped.
 */
public final class UserText {

  private UserText() {}

  /**
   * Returns the first text of the last user message of a body-shaped document with whitespace runs
   * collapsed and cut to {@code max} characters, or, for a message of only tool results, the first
   * text of its first result after {@code Tool result: }. Empty when there is no such text or the
   * document is not JSON.
   */
  public static Optional<String> summary(String document, int max) {
    Optional<JsonObject> message = lastMessage(document);
    if (message.isEmpty()) {
      return Optional.empty();
    }
    JsonValue content = message.get().get("content");
    Optional<String> text = texts(content).stream().findFirst();
    if (text.isEmpty()) {
      text = firstToolResultText(content).map(result -> "Tool result: " + result);
    }
    return text.map(value -> shorten(value, max));
  }

  /**
   * Returns the prompt of a sub-agent's first request as the launching call states it: the texts of
   * its last message joined by newlines, with literal backslash-n pairs as newlines, trimmed.
   */
  public static Optional<String> prompt(String document) {
    Optional<JsonObject> message = lastMessage(document);
    if (message.isEmpty()) {
      return Optional.empty();
    }
    String joined = String.join("\n", texts(message.get().get("content")));
    String prompt = ConversationText.jsTrim(joined.replace("\\n", "\n"));
    return prompt.isEmpty() ? Optional.empty() : Optional.of(prompt);
  }

  /** Returns the last message with the role {@code user}, or the last message when none has it. */
  private static Optional<JsonObject> lastMessage(String document) {
    if (!(JsonDocuments.parse(document).orElse(null) instanceof JsonObject body)
        || !(body.get("messages") instanceof JsonArray messages)) {
      return Optional.empty();
    }
    JsonObject last = null;
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i) instanceof JsonObject message) {
        if ("user".equals(string(message, "role"))) {
          return Optional.of(message);
        }
        last = last == null ? message : last;
      }
    }
    return Optional.ofNullable(last);
  }

  /** Returns the non-blank texts of a content string or of its text blocks, without reminders. */
  private static List<String> texts(JsonValue content) {
    List<String> texts = new ArrayList<>();
    if (content instanceof JsonString string) {
      addText(texts, string.getString());
    } else if (content instanceof JsonArray blocks) {
      for (JsonValue block : blocks) {
        if (block instanceof JsonObject object && "text".equals(string(object, "type"))) {
          addText(texts, string(object, "text"));
        }
      }
    }
    return texts;
  }

  private static Optional<String> firstToolResultText(JsonValue content) {
    if (!(content instanceof JsonArray blocks)) {
      return Optional.empty();
    }
    for (JsonValue block : blocks) {
      if (block instanceof JsonObject object && "tool_result".equals(string(object, "type"))) {
        List<String> texts = texts(object.get("content"));
        return Optional.of(texts.isEmpty() ? "(no text)" : texts.get(0));
      }
    }
    return Optional.empty();
  }

  private static void addText(List<String> texts, String text) {
    if (text == null) {
      return;
    }
    String stripped = ConversationText.stripReminders(text);
    if (!stripped.isBlank()) {
      texts.add(stripped);
    }
  }

  /** Collapses whitespace runs to one space and cuts to {@code max} characters with an ellipsis. */
  static String shorten(String text, int max) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), max + 1));
    boolean space = false;
    for (int i = 0; i < text.length() && out.length() <= max; i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        space = out.length() > 0;
        continue;
      }
      if (space) {
        out.append(' ');
        space = false;
      }
      out.append(c);
    }
    if (out.length() <= max) {
      return out.toString();
    }
    int end = max - 1;
    if (Character.isHighSurrogate(out.charAt(end - 1))) {
      end--;
    }
    return out.substring(0, end) + "…";
  }

  private static String string(JsonObject object, String name) {
    return object.get(name) instanceof JsonString value ? value.getString() : null;
  }
}
