package dev.claudenexus.analysis.prompt;

import static dev.claudenexus.json.JsonProviders.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the turns of a conversation branch from the stored requests that have a response, oldest
 * first: for each request the last user message of its body, then the text of its response, with a
 * {@code [Tool Use: name]} line per tool call and a {@code [Tool Result]} line per tool result.
 */
public final class TurnReader {

  /** Most requests read for one analysis; a longer branch is analysed from its newest requests. */
  static final int MAX_REQUESTS = 5000;

  private TurnReader() {}

  /** Returns the turns of the branch, two per request with text. */
  public static List<Turn> read(Connection connection, UUID conversationId, String branchId)
      throws SQLException {
    List<Turn> turns = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement("SELECT body, response_body FROM"
        + " (SELECT body, response_body, timestamp, request_id FROM api_requests"
        + " WHERE conversation_id = ? AND branch_id = ? AND response_body IS NOT NULL"
        + " ORDER BY timestamp DESC, request_id DESC LIMIT ?) newest"
        + " ORDER BY timestamp, request_id")) {
      select.setObject(1, conversationId);
      select.setString(2, branchId);
      select.setInt(3, MAX_REQUESTS);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          lastUserText(rs.getString(1)).ifPresent(text -> turns.add(Turn.user(text)));
          responseText(rs.getString(2)).ifPresent(text -> turns.add(Turn.model(text)));
        }
      }
    }
    return turns;
  }

  /** Returns the text of the request's last user message; text parts are joined by newlines. */
  static Optional<String> lastUserText(String body) {
    Optional<JsonObject> request = parse(body);
    if (request.isEmpty() || !(request.get().get("messages") instanceof JsonArray messages)) {
      return Optional.empty();
    }
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i) instanceof JsonObject message
          && message.get("role") instanceof JsonString role && role.getString().equals("user")) {
        return Optional.of(contentText(message.get("content"), false)).filter(t -> !t.isBlank());
      }
    }
    return Optional.empty();
  }

  /** Returns the text of a response: its text blocks and a line per tool call. */
  static Optional<String> responseText(String responseBody) {
    return parse(responseBody)
        .map(response -> contentText(response.get("content"), true))
        .filter(text -> !text.isBlank());
  }

  private static String contentText(JsonValue content, boolean response) {
    if (content instanceof JsonString text) {
      return text.getString();
    }
    if (!(content instanceof JsonArray blocks)) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (JsonValue value : blocks) {
      if (!(value instanceof JsonObject block)) {
        continue;
      }
      String type = block.getString("type", "");
      switch (type) {
        case "text" -> parts.add(block.getString("text", ""));
        case "tool_use" -> parts.add("[Tool Use: " + block.getString("name", "unknown") + "]");
        case "tool_result" -> parts.add("[Tool Result]");
        default -> {
          if (!response) {
            parts.add("");
          }
        }
      }
    }
    return String.join("\n", parts);
  }

  private static Optional<JsonObject> parse(String json) {
    if (json == null || json.isBlank()) {
      return Optional.empty();
    }
    try (var reader = JSON.createReader(new StringReader(json))) {
      return reader.readValue() instanceof JsonObject object ? Optional.of(object) : Optional.empty();
    } catch (JsonException e) {
      return Optional.empty();
    }
  }
}
