package dev.claudenexus.testsupport.claudecode;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages a Claude Code client keeps and re-sends, and how it writes them into a request.
 *
 * <p>Writing follows the captured requests: the last message always goes out as a block array whose
 * last block has {@code cache_control}, so a message sent as a plain string in one request can arrive
 * as a block array in the next. Injected {@code system} messages are plain strings everywhere else.
 */
final class Transcript {

  private static final String REMINDER_OPEN = "<system-reminder>";

  /**
   * One message of the transcript.
   *
   * @param plain whether the client writes it as a plain string when it is not the last message
   */
  record Message(String role, List<JsonObject> blocks, boolean plain) {
    Message {
      blocks = List.copyOf(blocks);
    }
  }

  private final List<Message> messages;
  private int volatileIndex = -1;

  Transcript() {
    this.messages = new ArrayList<>();
  }

  Transcript(Transcript other) {
    this.messages = new ArrayList<>(other.messages);
    this.volatileIndex = other.volatileIndex;
  }

  void add(Message message) {
    messages.add(message);
  }

  /** Replaces the previous volatile system message, if any, by this one at the end. */
  void replaceVolatile(Message message) {
    if (volatileIndex >= 0) {
      messages.remove(volatileIndex);
    }
    messages.add(message);
    volatileIndex = messages.size() - 1;
  }

  /** Replaces all messages by those of another transcript, which has no volatile message. */
  void replaceWith(Transcript other) {
    messages.clear();
    messages.addAll(other.messages);
    volatileIndex = other.volatileIndex;
  }

  boolean isEmpty() {
    return messages.isEmpty();
  }

  int size() {
    return messages.size();
  }

  /** Returns the last message whose role is not {@code system}, or {@code null}. */
  Message lastConversational() {
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (!messages.get(i).role().equals("system")) {
        return messages.get(i);
      }
    }
    return null;
  }

  /** Returns a copy whose last user message, ignoring trailing system messages, also carries this text. */
  Transcript withUserText(String text) {
    Transcript copy = new Transcript(this);
    JsonObject block = textBlock(text);
    for (int i = copy.messages.size() - 1; i >= 0; i--) {
      Message message = copy.messages.get(i);
      if (message.role().equals("user")) {
        List<JsonObject> blocks = new ArrayList<>(message.blocks());
        blocks.add(block);
        copy.messages.set(i, new Message("user", blocks, false));
        return copy;
      }
      if (message.role().equals("assistant")) {
        break;
      }
    }
    copy.messages.add(new Message("user", List.of(block), false));
    return copy;
  }

  /** Returns the messages from the last assistant message on, without system messages. */
  List<Message> tail() {
    List<Message> tail = new ArrayList<>();
    for (int i = messages.size() - 1; i >= 0; i--) {
      Message message = messages.get(i);
      if (!message.role().equals("system")) {
        tail.add(0, message);
      }
      if (message.role().equals("assistant")) {
        return tail;
      }
    }
    throw new IllegalStateException("The transcript has no assistant message to keep after compaction");
  }

  /** Writes the {@code messages} array of a request. */
  JsonArray toJson(ReminderStyle style) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (int i = 0; i < messages.size(); i++) {
      Message message = messages.get(i);
      array.add(Json.createObjectBuilder()
          .add("role", message.role())
          .add("content", content(message, i == messages.size() - 1, style)));
    }
    return array.build();
  }

  private static jakarta.json.JsonValue content(Message message, boolean last, ReminderStyle style) {
    if (last) {
      return withCacheControl(message.blocks());
    }
    boolean asString = message.plain() || (style == ReminderStyle.STRING && joinable(message));
    if (asString) {
      List<String> texts = message.blocks().stream().map(block -> block.getString("text")).toList();
      return Json.createValue(String.join("\n", texts));
    }
    JsonArrayBuilder blocks = Json.createArrayBuilder();
    message.blocks().forEach(blocks::add);
    return blocks.build();
  }

  /** Returns whether the message can be one string: only text blocks, at most one of them not a reminder. */
  private static boolean joinable(Message message) {
    int prompts = 0;
    for (JsonObject block : message.blocks()) {
      if (!block.getString("type").equals("text")) {
        return false;
      }
      if (!isReminder(block.getString("text"))) {
        prompts++;
      }
    }
    return prompts <= 1;
  }

  private static JsonArray withCacheControl(List<JsonObject> blocks) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (int i = 0; i < blocks.size(); i++) {
      JsonObject block = blocks.get(i);
      if (i == blocks.size() - 1) {
        block = Json.createObjectBuilder(block).add("cache_control", SystemPrompt.ephemeral()).build();
      }
      array.add(block);
    }
    return array.build();
  }

  static boolean isReminder(String text) {
    return text.stripLeading().startsWith(REMINDER_OPEN);
  }

  static String reminder(String text) {
    return REMINDER_OPEN + "\n" + text.strip() + "\n</system-reminder>\n";
  }

  static JsonObject textBlock(String text) {
    return Json.createObjectBuilder().add("type", "text").add("text", text).build();
  }
}
