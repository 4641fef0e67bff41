package dev.claudenexus.testsupport.claudecode;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Objects;
import java.util.UUID;

/**
 * One {@code tool_use} block of an assistant reply.
 *
 * @param id the tool use id, {@code toolu_01} and 22 more characters as the API makes them
 * @param name the tool name, for example {@code Bash}
 * @param input the tool input, whose member order is kept on the wire and in the transcript
 */
public record ToolCall(String id, String name, JsonObject input) {

  public ToolCall {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(input, "input");
  }

  /** Returns a {@code Bash} call with a fresh id. */
  public static ToolCall bash(String command, String description) {
    return of("Bash", Json.createObjectBuilder().add("command", command).add("description", description).build());
  }

  /** Returns a {@code Read} call with a fresh id. */
  public static ToolCall read(String filePath) {
    return of("Read", Json.createObjectBuilder().add("file_path", filePath).build());
  }

  /** Returns an {@code Edit} call with a fresh id. */
  public static ToolCall edit(String filePath, String oldString, String newString) {
    return of("Edit", Json.createObjectBuilder()
        .add("file_path", filePath)
        .add("old_string", oldString)
        .add("new_string", newString)
        .build());
  }

  /** Returns an {@code Agent} call, the sub-agent tool of Claude Code 2.x, with a fresh id. */
  public static ToolCall agent(String description, String prompt) {
    return of("Agent", Json.createObjectBuilder()
        .add("description", description)
        .add("prompt", prompt)
        .add("subagent_type", "general-purpose")
        .build());
  }

  /** Returns a {@code Task} call, the sub-agent tool of Claude Code 1.x, with a fresh id. */
  public static ToolCall task(String description, String prompt) {
    return of("Task", Json.createObjectBuilder()
        .add("description", description)
        .add("prompt", prompt)
        .add("subagent_type", "general-purpose")
        .build());
  }

  /** Returns a call of any tool with a fresh id. */
  public static ToolCall of(String name, JsonObject input) {
    return new ToolCall(newId(), name, input);
  }

  /** Returns the {@code tool_use} content block. */
  public JsonObject toJson() {
    return Json.createObjectBuilder()
        .add("type", "tool_use")
        .add("id", id)
        .add("name", name)
        .add("input", input)
        .build();
  }

  private static String newId() {
    return "toolu_01" + UUID.randomUUID().toString().replace("-", "").substring(0, 22);
  }
}
