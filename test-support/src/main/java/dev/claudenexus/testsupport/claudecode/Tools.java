package dev.claudenexus.testsupport.claudecode;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** Tool definitions of the {@code tools} array: those of Claude Code 2.1.332 and the 1.x {@code Task} tool. */
final class Tools {

  private Tools() {
  }

  /** Returns the tools of the captured Claude Code 2.1.332 request, {@code Agent} first. */
  static JsonArray claudeCode() {
    return ClaudeCodeTexts.tools();
  }

  /** Returns the tools with the {@code Task} tool of Claude Code 1.x in place of {@code Agent}. */
  static JsonArray withTaskInPlaceOfAgent(JsonArray tools) {
    JsonArrayBuilder replaced = Json.createArrayBuilder();
    for (JsonValue tool : tools) {
      replaced.add(name(tool).equals("Agent") ? taskTool() : tool);
    }
    return replaced.build();
  }

  /** Returns the tools without the sub-agent tools, because a sub-agent cannot start another one. */
  static JsonArray forSubAgent(JsonArray tools) {
    JsonArrayBuilder subAgentTools = Json.createArrayBuilder();
    for (JsonValue tool : tools) {
      if (!name(tool).equals("Agent") && !name(tool).equals("Task")) {
        subAgentTools.add(tool);
      }
    }
    return subAgentTools.build();
  }

  private static String name(JsonValue tool) {
    return ((JsonObject) tool).getString("name");
  }

  static JsonObject taskTool() {
    return Json.createObjectBuilder()
        .add("name", "Task")
        .add("description", "Launch a new agent that works on a multi-step task on its own and returns"
            + " one final report. Give it a short description and a complete prompt, because the"
            + " agent sees nothing of this conversation.")
        .add("input_schema", Json.createObjectBuilder()
            .add("type", "object")
            .add("properties", Json.createObjectBuilder()
                .add("description", Json.createObjectBuilder().add("type", "string")
                    .add("description", "A short (3-5 word) description of the task"))
                .add("prompt", Json.createObjectBuilder().add("type", "string")
                    .add("description", "The task for the agent to perform"))
                .add("subagent_type", Json.createObjectBuilder().add("type", "string")
                    .add("description", "The type of agent to use for this task")))
            .add("required", Json.createArrayBuilder().add("description").add("prompt"))
            .add("additionalProperties", false)
            .add("$schema", "http://json-schema.org/draft-07/schema#"))
        .build();
  }
}
