package dev.claudenexus.conversation;

import static dev.claudenexus.json.JsonProviders.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;

/** Builds Messages API request and response bodies for linking tests. */
final class Bodies {

  static final String SYSTEM = "You are a coding assistant for the linking tests.";

  private final List<JsonObject> messages = new ArrayList<>();
  private String system = SYSTEM;

  static Bodies conversation() {
    return new Bodies();
  }

  Bodies user(String text) {
    messages.add(message("user", text));
    return this;
  }

  Bodies assistant(String text) {
    messages.add(message("assistant", text));
    return this;
  }

  Bodies system(String text) {
    system = text;
    return this;
  }

  Bodies copy() {
    Bodies copy = new Bodies();
    copy.messages.addAll(messages);
    copy.system = system;
    return copy;
  }

  JsonObject request() {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    messages.forEach(array::add);
    return JSON.createObjectBuilder().add("model", "claude-sonnet-4-5").add("max_tokens", 1024)
        .add("system", system).add("messages", array).build();
  }

  static JsonObject message(String role, String text) {
    return JSON.createObjectBuilder().add("role", role).add("content", text).build();
  }

  static JsonObject textResponse(String text) {
    return JSON.createObjectBuilder().add("type", "message").add("role", "assistant")
        .add("content", JSON.createArrayBuilder()
            .add(JSON.createObjectBuilder().add("type", "text").add("text", text)))
        .build();
  }

  /** Returns a response that launches sub-agents through {@code tool} with these prompts. */
  static JsonObject subagentResponse(String tool, String... prompts) {
    JsonArrayBuilder content = JSON.createArrayBuilder();
    int n = 0;
    for (String prompt : prompts) {
      JsonObjectBuilder input = JSON.createObjectBuilder().add("description", "Sub-agent " + n)
          .add("prompt", prompt);
      content.add(JSON.createObjectBuilder().add("type", "tool_use").add("id", "toolu_" + n++)
          .add("name", tool).add("input", input));
    }
    return JSON.createObjectBuilder().add("type", "message").add("role", "assistant")
        .add("content", content).build();
  }
}
