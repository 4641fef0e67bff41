package dev.claudenexus.dashboard.pages.request;

import static dev.claudenexus.json.JsonProviders.JSON;

import dev.claudenexus.api.spark.SessionIds;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Optional;

/**
 * The result of Spark's {@code get_recommendation} tool, as Claude Code stores it: the first text
 * block of the tool result holds a JSON object with {@code session_id}, {@code response} (the
 * recommendation as Markdown) and optionally {@code request} and {@code error_message}.
 *
 * @param sessionId the Spark session that feedback is given for
 * @param request what was asked, or an empty string
 * @param response the recommendation's text
 * @param error Spark's error message, or {@code null}
 */
record SparkRecommendation(String sessionId, String request, String response, String error) {

  /** The name Claude Code gives Spark's recommendation tool, from the MCP server name {@code spark}. */
  static final String TOOL_NAME = "mcp__spark__get_recommendation";

  /** Reads a tool result's content; empty when it is not a recommendation with a valid session id. */
  static Optional<SparkRecommendation> parse(JsonValue content) {
    String text = firstText(content);
    if (text == null || !text.strip().startsWith("{")) {
      return Optional.empty();
    }
    JsonObject data;
    try (JsonReader reader = JSON.createReader(new StringReader(text))) {
      data = reader.readObject();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    String sessionId = string(data, "session_id");
    String response = string(data, "response");
    if (!SessionIds.isValid(sessionId) || response == null) {
      return Optional.empty();
    }
    String request = string(data, "request");
    String error = string(data, "error_message");
    return Optional.of(new SparkRecommendation(sessionId, request == null ? "" : request, response,
        error == null || error.isBlank() || error.equals("None") ? null : error));
  }

  private static String firstText(JsonValue content) {
    if (content instanceof JsonString string) {
      return string.getString();
    }
    if (content instanceof JsonArray array) {
      for (JsonValue item : array) {
        if (item instanceof JsonObject block && "text".equals(string(block, "type"))) {
          return string(block, "text");
        }
      }
    }
    return null;
  }

  private static String string(JsonObject object, String name) {
    return object.get(name) instanceof JsonString value ? value.getString() : null;
  }
}
