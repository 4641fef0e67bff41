package dev.claudenexus.proxy.mcp;

import static dev.claudenexus.json.JsonProviders.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/** JSON-RPC 2.0 response envelopes and the standard error codes. */
final class JsonRpc {

  static final int PARSE_ERROR = -32700;
  static final int INVALID_REQUEST = -32600;
  static final int METHOD_NOT_FOUND = -32601;
  static final int INVALID_PARAMS = -32602;
  static final int INTERNAL_ERROR = -32603;
  /** A server error code of the range JSON-RPC leaves to implementations: the session is unknown. */
  static final int SESSION_NOT_FOUND = -32001;

  private JsonRpc() {}

  static JsonObject result(JsonValue id, JsonObject result) {
    return JSON.createObjectBuilder().add("jsonrpc", "2.0").add("id", id).add("result", result).build();
  }

  /** Returns an error response; {@code id} is {@link JsonValue#NULL} when the request's id is unknown. */
  static JsonObject error(JsonValue id, int code, String message) {
    JsonObjectBuilder error = JSON.createObjectBuilder().add("code", code).add("message", message);
    return JSON.createObjectBuilder().add("jsonrpc", "2.0").add("id", id).add("error", error).build();
  }

  /** A request whose processing ends with a JSON-RPC error. */
  static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;
    final int code;

    Failure(int code, String message) {
      super(message, null, false, false);
      this.code = code;
    }
  }
}
