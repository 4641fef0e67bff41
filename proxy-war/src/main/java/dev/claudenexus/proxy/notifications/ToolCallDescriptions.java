package dev.claudenexus.proxy.notifications;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.TreeMap;

/** Short descriptions of Claude Code tool calls, one per line of a Slack message. */
final class ToolCallDescriptions {

  private ToolCallDescriptions() {}

  /** Returns the description of one tool call, or an empty string when its input lacks the field it needs. */
  static String describe(String tool, JsonObject input) {
    JsonObject in = input == null ? JsonValue.EMPTY_JSON_OBJECT : input;
    return switch (tool == null ? "" : tool) {
      case "Read", "Write", "Edit", "MultiEdit" -> tailPath(string(in, "file_path"));
      case "Bash" -> Truncation.head(string(in, "command"), 50);
      case "Grep" -> Truncation.head(string(in, "pattern"), 30);
      case "Glob" -> string(in, "pattern");
      case "LS" -> string(in, "path");
      case "TodoWrite" -> todoCounts(in.get("todos"));
      case "TodoRead" -> "reading the todo list";
      case "WebSearch" -> Truncation.head(string(in, "query"), 40);
      case "WebFetch" -> host(string(in, "url"));
      default -> Truncation.head(
          string(in, "prompt").isEmpty() ? string(in, "description") : string(in, "prompt"), 40);
    };
  }

  /** Returns the last two segments of a path, after {@code .../} when more came before them. */
  static String tailPath(String path) {
    String[] segments = path.split("/");
    if (segments.length <= 3) {
      return path;
    }
    return ".../" + segments[segments.length - 2] + "/" + segments[segments.length - 1];
  }

  /** Returns the number of todos per status, such as {@code 2 completed, 1 in_progress}. */
  private static String todoCounts(JsonValue todos) {
    if (!(todos instanceof JsonArray items)) {
      return "";
    }
    Map<String, Integer> counts = new TreeMap<>();
    for (JsonValue item : items) {
      String status = item instanceof JsonObject todo ? string(todo, "status") : "";
      counts.merge(status.isEmpty() ? "unknown" : status, 1, Integer::sum);
    }
    StringBuilder text = new StringBuilder();
    counts.forEach((status, count) ->
        text.append(text.length() == 0 ? "" : ", ").append(count).append(' ').append(status));
    return text.length() == 0 ? "no todos" : text.toString();
  }

  private static String host(String url) {
    try {
      String host = new URI(url.strip()).getHost();
      return host == null ? "" : host;
    } catch (URISyntaxException e) {
      return "";
    }
  }

  private static String string(JsonObject json, String key) {
    JsonValue value = json.get(key);
    if (value instanceof JsonString text) {
      return text.getString().strip();
    }
    return value instanceof JsonNumber number ? number.toString() : "";
  }
}
