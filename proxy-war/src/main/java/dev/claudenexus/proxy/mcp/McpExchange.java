package dev.claudenexus.proxy.mcp;

import static dev.claudenexus.json.JsonProviders.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Processes the JSON-RPC messages of one POST: a single message or a batch (an array, which
 * 2025-03-26 allows). Notifications and client responses get no reply. A message that is not a
 * valid request gets {@code -32600} with a {@code null} id.
 */
final class McpExchange {

  /** The replies to send (none when every message was a notification), and the session to start. */
  record Outcome(JsonValue body, boolean invalidOnly, String initializedVersion) {}

  private final McpMethods methods;
  private String initializedVersion;

  McpExchange(McpMethods methods) {
    this.methods = methods;
  }

  /** Handles the parsed body. */
  Outcome handle(JsonValue body) {
    if (body instanceof JsonArray batch) {
      if (batch.isEmpty()) {
        return new Outcome(invalid("An empty batch: send one or more JSON-RPC messages"), true, null);
      }
      JsonArrayBuilder replies = JSON.createArrayBuilder();
      int count = 0;
      for (JsonValue message : batch) {
        JsonObject reply = handleMessage(message, false);
        if (reply != null) {
          replies.add(reply);
          count++;
        }
      }
      return new Outcome(count == 0 ? null : replies.build(), false, null);
    }
    JsonObject reply = handleMessage(body, true);
    boolean invalidOnly = reply != null && reply.get("id") == JsonValue.NULL;
    return new Outcome(reply, invalidOnly, initializedVersion);
  }

  private JsonObject handleMessage(JsonValue value, boolean alone) {
    if (!(value instanceof JsonObject message)) {
      return invalid("A JSON-RPC message must be an object");
    }
    if (!"2.0".equals(message.get("jsonrpc") instanceof JsonString version ? version.getString() : null)) {
      return invalid("Invalid request: \"jsonrpc\" must be \"2.0\"");
    }
    if (!message.containsKey("method")) {
      // A response of the client to a server request; this server sends none, so it is ignored.
      return message.containsKey("result") || message.containsKey("error") ? null
          : invalid("Invalid request: \"method\" is missing");
    }
    if (!(message.get("method") instanceof JsonString method)) {
      return invalid("Invalid request: \"method\" must be a string");
    }
    if (!message.containsKey("id")) {
      return null;
    }
    JsonValue id = message.get("id");
    if (!(id instanceof JsonString) && !(id instanceof JsonNumber)) {
      return invalid("Invalid request: \"id\" must be a string or a number");
    }
    JsonValue params = message.get("params");
    if (params != null && params != JsonValue.NULL && !(params instanceof JsonObject)) {
      return JsonRpc.error(id, JsonRpc.INVALID_PARAMS, "Invalid params: expected an object");
    }
    JsonObject parameters = params instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
    if ("initialize".equals(method.getString()) && !alone) {
      return JsonRpc.error(id, JsonRpc.INVALID_REQUEST, "initialize must be sent alone, not in a batch");
    }
    try {
      JsonObject result = methods.call(method.getString(), parameters);
      if ("initialize".equals(method.getString())) {
        initializedVersion = result.getString("protocolVersion");
      }
      return JsonRpc.result(id, result);
    } catch (JsonRpc.Failure failure) {
      return JsonRpc.error(id, failure.code, failure.getMessage());
    }
  }

  private static JsonObject invalid(String message) {
    return JsonRpc.error(JsonValue.NULL, JsonRpc.INVALID_REQUEST, message);
  }
}
