package dev.claudenexus.conversation;

import static dev.claudenexus.conversation.ConversationText.crlfToLf;
import static dev.claudenexus.conversation.ConversationText.jsTrim;
import static dev.claudenexus.conversation.ConversationText.stripReminders;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The text that stands for a message's content in its hash. Each content block becomes one line
 * {@code [i]<type>:...}, numbered after empty text blocks are dropped. Metadata such as
 * {@code cache_control} and the content of thinking or document blocks do not count. Where the
 * original proxy printed a missing field, it printed the word {@code undefined}, and so does this.
 */
final class ContentNormalizer {

  private final HashMode mode;

  ContentNormalizer(HashMode mode) {
    this.mode = mode;
  }

  /**
   * Returns the normalised content.
   *
   * @throws UnhashableBodyException for content that is neither a string nor an array, and for
   *     blocks the original failed on
   */
  String normalize(JsonValue content) {
    if (content instanceof JsonString text) {
      return normalizeString(text.getString());
    }
    if (!(content instanceof JsonArray blocks)) {
      throw new UnhashableBodyException("invalid message content: neither a string nor an array");
    }
    List<JsonValue> counted = new ArrayList<>(blocks.size());
    for (JsonValue block : blocks) {
      if (!isEmptyTextBlock(block)) {
        counted.add(block);
      }
    }
    StringJoiner lines = new StringJoiner("\n");
    for (int i = 0; i < counted.size(); i++) {
      lines.add("[" + i + "]" + normalizeBlock(counted.get(i)));
    }
    return lines.toString();
  }

  // The original left reminders in string content, but Claude Code 2.1 puts them there too.
  private String normalizeString(String text) {
    if (mode == HashMode.ORIGINAL) {
      return "[0]text:" + crlfToLf(jsTrim(text));
    }
    String cleaned = crlfToLf(jsTrim(stripReminders(text)));
    return cleaned.isEmpty() ? "" : "[0]text:" + cleaned;
  }

  private static boolean isEmptyTextBlock(JsonValue block) {
    return block instanceof JsonObject object
        && ToolBlockDeduplicator.hasType(object, "text")
        && object.get("text") instanceof JsonString text
        && jsTrim(stripReminders(text.getString())).isEmpty();
  }

  private String normalizeBlock(JsonValue block) {
    if (!(block instanceof JsonObject object)) {
      return "undefined:unknown"; // a string or number has no type property in JavaScript
    }
    JsonValue type = object.get("type");
    String typeName = type instanceof JsonString name ? name.getString() : null;
    if (typeName == null) {
      return JsValues.toJsString(type) + ":unknown";
    }
    return switch (typeName) {
      case "text" -> "text:" + blockText(object.get("text"));
      case "image" -> "image:" + ImageSource.describe(object.get("source"));
      case "tool_use" -> "tool_use:" + JsValues.toJsString(object.get("name")) + ":"
          + JsValues.toJsString(object.get("id")) + ":" + toolInput(object.get("input"));
      case "tool_result" -> "tool_result:" + JsValues.toJsString(object.get("tool_use_id")) + ":"
          + toolResultContent(object.get("content"));
      default -> typeName + ":unknown";
    };
  }

  // A text that JavaScript treats as false (missing, null, 0, false) reads as empty.
  // Any other non-string text made the original fail.
  private static String blockText(JsonValue text) {
    if (text instanceof JsonString string) {
      return crlfToLf(jsTrim(stripReminders(string.getString())));
    }
    if (!JsValues.isTruthy(text)) {
      return "";
    }
    throw new UnhashableBodyException("invalid text block: text is not a string");
  }

  private String toolInput(JsonValue input) {
    return input == null ? "undefined" : JsJson.stringify(input, keyOrder());
  }

  // String results are reminder-stripped but neither trimmed nor CRLF-normalised.
  private String toolResultContent(JsonValue content) {
    if (content instanceof JsonString text) {
      return stripReminders(text.getString());
    }
    return content instanceof JsonArray array ? JsJson.stringify(array, keyOrder()) : "";
  }

  private KeyOrder keyOrder() {
    return mode == HashMode.ORIGINAL ? KeyOrder.JAVASCRIPT : KeyOrder.SORTED;
  }
}
