package dev.claudenexus.conversation;

import static dev.claudenexus.json.JsonProviders.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** Reads what linking needs from a Messages API response: its text and its sub-agent launches. */
public final class ResponseContent {

  /** Tool names that start a sub-agent: {@code Task} before Claude Code 2, {@code Agent} since. */
  public static final Set<String> SUBAGENT_TOOLS = Set.of("Task", "Agent");

  private ResponseContent() {}

  /** Returns the text blocks of a response joined with newlines, in lower case; empty when none. */
  public static String lowerCaseText(JsonObject response) {
    List<String> parts = new ArrayList<>();
    for (JsonObject block : blocks(response)) {
      if (isType(block, "text") && block.get("text") instanceof JsonString text) {
        parts.add(text.getString());
      }
    }
    return String.join("\n", parts).toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the sub-agent tool calls of a response that carry a string prompt, numbered from 1 in
   * content order.
   */
  public static List<TaskInvocation> taskInvocations(
      JsonObject response, UUID requestId, String domain, Instant timestamp) {
    List<TaskInvocation> invocations = new ArrayList<>();
    for (JsonObject block : blocks(response)) {
      if (!isType(block, "tool_use")
          || !(block.get("name") instanceof JsonString name)
          || !SUBAGENT_TOOLS.contains(name.getString())
          || !(block.get("input") instanceof JsonObject input)
          || !(input.get("prompt") instanceof JsonString prompt)) {
        continue;
      }
      String id = block.get("id") instanceof JsonString value ? value.getString() : null;
      invocations.add(new TaskInvocation(requestId, domain, timestamp, id, name.getString(),
          prompt.getString(), invocations.size() + 1));
    }
    return invocations;
  }

  /** Returns the sub-agent tool calls as the {@code task_tool_invocation} column stores them. */
  public static JsonArray taskToolInvocationJson(JsonObject response) {
    var array = JSON.createArrayBuilder();
    for (JsonObject block : blocks(response)) {
      if (isType(block, "tool_use")
          && block.get("name") instanceof JsonString name
          && SUBAGENT_TOOLS.contains(name.getString())) {
        var entry = JSON.createObjectBuilder();
        entry.add("id", block.getOrDefault("id", JsonValue.NULL));
        entry.add("name", name);
        entry.add("input", block.getOrDefault("input", JsonValue.NULL));
        array.add(entry);
      }
    }
    return array.build();
  }

  private static List<JsonObject> blocks(JsonObject response) {
    List<JsonObject> blocks = new ArrayList<>();
    if (response != null && response.get("content") instanceof JsonArray content) {
      for (JsonValue value : content) {
        if (value instanceof JsonObject block) {
          blocks.add(block);
        }
      }
    }
    return blocks;
  }

  private static boolean isType(JsonObject block, String type) {
    return block.get("type") instanceof JsonString value && value.getString().equals(type);
  }
}
