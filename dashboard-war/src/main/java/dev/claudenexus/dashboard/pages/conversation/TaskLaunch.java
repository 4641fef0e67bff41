package dev.claudenexus.dashboard.pages.conversation;

import dev.claudenexus.dashboard.pages.request.JsonDocuments;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * A sub-agent launch read from a request's stored {@code task_tool_invocation} column.
 *
 * @param ordinal the 1-based position among the launches of that response
 * @param prompt the task prompt, or {@code null} when the launch has none
 */
public record TaskLaunch(int ordinal, String toolUseId, String prompt, String description) {

  /**
   * Returns the launches of a stored column, which is {@code null} or a JSON array of tool calls:
   * {@code {id, name, input: {prompt, description}}} as this product stores them, or
   * {@code {id, name, prompt, description}} as the original's migration wrote them. Anything else
   * gives no launches.
   */
  public static List<TaskLaunch> parse(String stored) {
    if (!(JsonDocuments.parse(stored).orElse(null) instanceof JsonArray array)) {
      return List.of();
    }
    List<TaskLaunch> launches = new ArrayList<>();
    for (JsonValue item : array) {
      if (item instanceof JsonObject call) {
        JsonObject input = call.get("input") instanceof JsonObject object ? object : call;
        launches.add(new TaskLaunch(launches.size() + 1, string(call, "id"),
            string(input, "prompt"), string(input, "description")));
      }
    }
    return launches;
  }

  private static String string(JsonObject object, String name) {
    return object.get(name) instanceof JsonString value ? value.getString() : null;
  }
}
