package dev.claudenexus.proxy.mcp;

import static dev.claudenexus.json.JsonProviders.JSON;

import dev.claudenexus.api.mcp.prompts.Prompt;
import dev.claudenexus.api.mcp.prompts.PromptSet;
import dev.claudenexus.proxy.ServiceVersion;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The MCP methods of the server: {@code initialize}, {@code ping}, {@code prompts/list} and
 * {@code prompts/get}, over one set of prompts. A prompt carries MCP's {@code name} and
 * {@code arguments} and the original's {@code id}.
 */
final class McpMethods {

  static final String SERVER_NAME = "claude-nexus-mcp-server";

  private final PromptSet prompts;

  McpMethods(PromptSet prompts) {
    this.prompts = prompts;
  }

  /** Returns the result of a method, or throws the JSON-RPC error to respond with. */
  JsonObject call(String method, JsonObject params) throws JsonRpc.Failure {
    return switch (method) {
      case "initialize" -> initialize(params);
      case "ping" -> JsonValue.EMPTY_JSON_OBJECT;
      case "prompts/list" -> list(params);
      case "prompts/get" -> get(params);
      default -> throw new JsonRpc.Failure(JsonRpc.METHOD_NOT_FOUND, "Method not found: " + shorten(method));
    };
  }

  private static JsonObject initialize(JsonObject params) throws JsonRpc.Failure {
    if (!(params.get("protocolVersion") instanceof JsonString requested)) {
      throw new JsonRpc.Failure(JsonRpc.INVALID_PARAMS,
          "Missing params.protocolVersion: send the MCP protocol version the client speaks");
    }
    return JSON.createObjectBuilder()
        .add("protocolVersion", ProtocolVersions.negotiate(requested.getString()))
        .add("capabilities", JSON.createObjectBuilder().add("prompts", JSON.createObjectBuilder()
            .add("listChanged", false).add("listPrompts", true).add("getPrompt", true)))
        .add("serverInfo", JSON.createObjectBuilder().add("name", SERVER_NAME)
            .add("version", ServiceVersion.VERSION))
        .build();
  }

  private JsonObject list(JsonObject params) throws JsonRpc.Failure {
    JsonValue cursor = params.get("cursor");
    if (cursor != null && cursor != JsonValue.NULL) {
      throw new JsonRpc.Failure(JsonRpc.INVALID_PARAMS,
          "Invalid cursor: this server lists every prompt on the first page and issues no cursors");
    }
    JsonArrayBuilder listed = JSON.createArrayBuilder();
    for (Prompt prompt : prompts.all()) {
      JsonArrayBuilder arguments = JSON.createArrayBuilder();
      prompt.arguments().forEach(name -> arguments.add(JSON.createObjectBuilder()
          .add("name", name).add("required", false)));
      listed.add(JSON.createObjectBuilder()
          .add("name", prompt.name())
          .add("id", prompt.name())
          .add("description", prompt.description())
          .add("arguments", arguments));
    }
    return JSON.createObjectBuilder().add("prompts", listed).build();
  }

  private JsonObject get(JsonObject params) throws JsonRpc.Failure {
    String name = promptName(params);
    Prompt prompt = prompts.find(name).orElseThrow(() -> new JsonRpc.Failure(JsonRpc.INVALID_PARAMS,
        "Prompt not found: " + shorten(name) + "; prompts/list returns the available names"));
    String text;
    try {
      text = prompt.render(arguments(params));
    } catch (IOException | RuntimeException e) {
      throw new JsonRpc.Failure(JsonRpc.INTERNAL_ERROR, "Prompt " + name + " could not be rendered: "
          + shorten(String.valueOf(e.getMessage())));
    }
    return JSON.createObjectBuilder()
        .add("description", prompt.description())
        .add("messages", JSON.createArrayBuilder().add(JSON.createObjectBuilder()
            .add("role", "user")
            .add("content", JSON.createObjectBuilder().add("type", "text").add("text", text))))
        .build();
  }

  /** Returns {@code params.name}, or the original's {@code promptId} or {@code id}. */
  private static String promptName(JsonObject params) throws JsonRpc.Failure {
    for (String key : new String[] {"name", "promptId", "id"}) {
      if (params.get(key) instanceof JsonString value) {
        return value.getString();
      }
    }
    throw new JsonRpc.Failure(JsonRpc.INVALID_PARAMS, "Missing params.name: send the prompt's name");
  }

  private static Map<String, String> arguments(JsonObject params) throws JsonRpc.Failure {
    JsonValue value = params.get("arguments");
    Map<String, String> arguments = new LinkedHashMap<>();
    if (value == null || value == JsonValue.NULL) {
      return arguments;
    }
    if (!(value instanceof JsonObject object)) {
      throw new JsonRpc.Failure(JsonRpc.INVALID_PARAMS, "Invalid params.arguments: expected an object"
          + " of argument names to text values");
    }
    for (Map.Entry<String, JsonValue> argument : object.entrySet()) {
      JsonValue argumentValue = argument.getValue();
      if (argumentValue instanceof JsonString text) {
        arguments.put(argument.getKey(), text.getString());
      } else if (argumentValue instanceof JsonNumber || argumentValue == JsonValue.TRUE
          || argumentValue == JsonValue.FALSE) {
        arguments.put(argument.getKey(), argumentValue.toString());
      } else if (argumentValue != JsonValue.NULL) {
        throw new JsonRpc.Failure(JsonRpc.INVALID_PARAMS, "Invalid argument "
            + shorten(argument.getKey()) + ": expected text");
      }
    }
    return arguments;
  }

  static String shorten(String text) {
    return text.length() <= 100 ? text : text.substring(0, 100) + "...";
  }
}
