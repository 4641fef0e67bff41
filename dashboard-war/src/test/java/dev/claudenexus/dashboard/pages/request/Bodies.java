package dev.claudenexus.dashboard.pages.request;

import static dev.claudenexus.json.JsonProviders.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/** Builds request and response bodies for the card tests. */
final class Bodies {

  private Bodies() {}

  static JsonObject text(String text) {
    return JSON.createObjectBuilder().add("type", "text").add("text", text).build();
  }

  static JsonObject toolUse(String id, String name, JsonValue input) {
    return JSON.createObjectBuilder().add("type", "tool_use").add("id", id).add("name", name)
        .add("input", input).build();
  }

  static JsonObject toolResult(String id, String content, boolean error) {
    return JSON.createObjectBuilder().add("type", "tool_result").add("tool_use_id", id)
        .add("content", content).add("is_error", error).build();
  }

  static JsonObject image(String mediaType, String data) {
    return JSON.createObjectBuilder().add("type", "image").add("source", JSON.createObjectBuilder()
        .add("type", "base64").add("media_type", mediaType).add("data", data)).build();
  }

  static JsonObject message(String role, JsonValue... blocks) {
    JsonArrayBuilder content = JSON.createArrayBuilder();
    for (JsonValue block : blocks) {
      content.add(block);
    }
    return JSON.createObjectBuilder().add("role", role).add("content", content).build();
  }

  static JsonObject message(String role, String content) {
    return JSON.createObjectBuilder().add("role", role).add("content", content).build();
  }

  /** Returns a request body with the messages and, when not null, a system string. */
  static String request(String system, JsonObject... messages) {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    for (JsonObject message : messages) {
      array.add(message);
    }
    JsonObjectBuilder body = JSON.createObjectBuilder().add("model", "claude-sonnet-4-5")
        .add("messages", array);
    if (system != null) {
      body.add("system", system);
    }
    return body.build().toString();
  }

  static String response(JsonValue... blocks) {
    JsonArrayBuilder content = JSON.createArrayBuilder();
    for (JsonValue block : blocks) {
      content.add(block);
    }
    return JSON.createObjectBuilder().add("type", "message").add("role", "assistant")
        .add("content", content).build().toString();
  }
}
