package dev.claudenexus.credentials;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Reads the optional {@code slack} object of a credential file. A malformed object never makes the
 * file invalid, because the domain's upstream credentials must keep working: it reads as no
 * webhook, and mistyped optional members read as absent.
 */
final class SlackWebhookParser {

  private SlackWebhookParser() {}

  /** Returns the webhook, or null when the value is absent, not an object, or has no {@code webhook_url}. */
  static SlackWebhook parse(JsonValue value) {
    if (!(value instanceof JsonObject slack)) {
      return null;
    }
    String url = string(slack, "webhook_url");
    if (url == null || url.isBlank()) {
      return null;
    }
    return new SlackWebhook(url.strip(), string(slack, "channel"), string(slack, "username"),
        string(slack, "icon_emoji"), enabled(slack.get("enabled")));
  }

  private static String string(JsonObject json, String key) {
    return json.get(key) instanceof JsonString text && !text.getString().isBlank()
        ? text.getString().strip() : null;
  }

  /** Returns false for JSON {@code false} and for the string {@code "false"}, true otherwise. */
  private static boolean enabled(JsonValue value) {
    if (value == null) {
      return true;
    }
    if (value.getValueType() == JsonValue.ValueType.FALSE) {
      return false;
    }
    return !(value instanceof JsonString text && text.getString().strip().equalsIgnoreCase("false"));
  }
}
