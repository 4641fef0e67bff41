package dev.claudenexus.analysis;

import static dev.claudenexus.json.JsonProviders.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.Map;

/**
 * The {@code error_message} of an analysis: a JSON object with one entry per failed attempt
 * ({@code retry_1}, {@code retry_2}, ...), {@code stuck_job} when the watchdog reset it, and
 * {@code final_error} when it failed for good, each {@code {message, name, timestamp}}, as the
 * original product stored it.
 */
public final class ErrorHistory {

  /** Maximum length of each entry's message, so a long error page cannot grow the row without end. */
  static final int MAX_MESSAGE_CHARS = 4000;

  private ErrorHistory() {}

  /** Returns the history with one more entry; an unreadable old value is kept as {@code previous}. */
  public static String add(String history, String key, String name, String message) {
    JsonObjectBuilder builder = JSON.createObjectBuilder();
    if (history != null && !history.isBlank()) {
      try (var reader = JSON.createReader(new StringReader(history))) {
        for (Map.Entry<String, JsonValue> entry : reader.readObject().entrySet()) {
          builder.add(entry.getKey(), entry.getValue());
        }
      } catch (JsonException | ClassCastException e) {
        builder.add("previous", history);
      }
    }
    String shortened = message.length() > MAX_MESSAGE_CHARS
        ? message.substring(0, MAX_MESSAGE_CHARS) + "..." : message;
    builder.add(key, JSON.createObjectBuilder()
        .add("message", shortened)
        .add("name", name)
        .add("timestamp", Instant.now().toString()));
    return builder.build().toString();
  }

  /** Returns the message of the newest entry, or the text itself when it is not such an object. */
  public static String latestMessage(String history) {
    if (history == null || history.isBlank()) {
      return null;
    }
    try (var reader = JSON.createReader(new StringReader(history))) {
      JsonObject object = reader.readObject();
      if (object.get("final_error") instanceof JsonObject last) {
        return messageOf(last);
      }
      String latest = null;
      for (JsonValue value : object.values()) {
        if (value instanceof JsonObject entry) {
          latest = messageOf(entry);
        }
      }
      return latest == null ? history : latest;
    } catch (JsonException | ClassCastException e) {
      return history;
    }
  }

  private static String messageOf(JsonObject entry) {
    return entry.get("message") instanceof JsonString text ? text.getString() : entry.toString();
  }
}
