package dev.claudenexus.proxy.notifications;

import static dev.claudenexus.json.JsonProviders.JSON;

import dev.claudenexus.proxy.masking.SecretMasker;
import dev.claudenexus.storage.RequestRecord;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * Builds Slack webhook payloads: {@code text}, one attachment with a {@code footer} and {@code ts}
 * (epoch seconds), and the sender's channel, name and icon. Every piece of text is masked with
 * {@link SecretMasker} before it is cut to length, and escaped for Slack's markup.
 */
final class SlackMessageFormatter {

  static final int MAX_TEXT_CHARS = 3000;
  static final int MAX_REPLY_LINES = 20;
  static final int MAX_REPLY_CHARS = 3000;
  static final int MAX_USER_CHARS = 1000;

  private SlackMessageFormatter() {}

  /**
   * Returns the message of a successful request: the user line, Claude's reply cut to
   * {@value #MAX_REPLY_LINES} lines and {@value #MAX_REPLY_CHARS} characters, one indented line per
   * tool call, and a footer of domain, model, request type, masked client key and tokens.
   */
  static JsonObject success(RequestRecord record, String userContent, AssistantReply reply,
      String maskedClientKey, SlackDestination destination) {
    StringBuilder text = new StringBuilder();
    text.append(":bust_in_silhouette: User: ")
        .append(escape(Truncation.head(SecretMasker.mask(userContent), MAX_USER_CHARS)));
    if (!reply.text().isBlank()) {
      text.append("\n:robot_face: Claude: ").append(escape(
          Truncation.lines(SecretMasker.mask(reply.text()), MAX_REPLY_LINES, MAX_REPLY_CHARS)));
    }
    for (AssistantReply.ToolUse tool : reply.toolUses()) {
      text.append("\n    :wrench: ").append(escape(tool.name()));
      String description = ToolCallDescriptions.describe(tool.name(), tool.input());
      if (!description.isEmpty()) {
        text.append(": ").append(escape(SecretMasker.mask(description.replaceAll("\\s+", " "))));
      }
    }
    String footer = record.domain() + " | " + orUnknown(record.model()) + " | "
        + record.requestType() + " | " + (maskedClientKey == null ? "no key" : maskedClientKey)
        + " | Tokens: " + record.usage().inputTokens() + " in / " + record.usage().outputTokens() + " out";
    return payload(text.toString(), footer, record, destination);
  }

  /** Returns the error notice of a failed request: {@code Error: <message>} and a footer without model or key. */
  static JsonObject error(RequestRecord record, SlackDestination destination) {
    String message = record.error() != null ? record.error()
        : record.errorType() != null ? record.errorType() : "HTTP " + record.responseStatus();
    String text = "Error: " + escape(SecretMasker.mask(message.replaceAll("\\s+", " ").strip()));
    return payload(text, record.domain() + " | Unknown", record, destination);
  }

  private static JsonObject payload(String text, String footer, RequestRecord record,
      SlackDestination destination) {
    JsonObjectBuilder payload = JSON.createObjectBuilder()
        .add("text", Truncation.head(text, MAX_TEXT_CHARS))
        .add("attachments", JSON.createArrayBuilder().add(JSON.createObjectBuilder()
            .add("footer", escape(SecretMasker.mask(footer)))
            .add("ts", record.timestamp().toEpochSecond())));
    if (destination.channel() != null) {
      payload.add("channel", destination.channel());
    }
    return payload.add("username", destination.username())
        .add("icon_emoji", destination.iconEmoji())
        .build();
  }

  /**
   * Escapes the three characters that Slack reads as markup, so that text from prompts and replies
   * cannot mention {@code <!channel>} or show a link under other words.
   */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String orUnknown(String value) {
    return value == null || value.isBlank() ? "unknown model" : value;
  }
}
