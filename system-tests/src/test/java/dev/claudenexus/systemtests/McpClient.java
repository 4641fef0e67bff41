package dev.claudenexus.systemtests;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** JSON-RPC calls to the proxy's {@code /mcp} with a client key, as an MCP client sends them. */
final class McpClient {

  private final ApiClient http = new ApiClient();
  private final String url;
  private final String clientKey;

  McpClient(NexusServer server) {
    this(server.baseUrl() + "/mcp", server.clientKey);
  }

  McpClient(String url, String clientKey) {
    this.url = url;
    this.clientKey = clientKey;
  }

  /** Posts a body with the client key, JSON content type and the given extra header pairs. */
  HttpResponse<String> post(String body, String... headers) throws Exception {
    List<String> all = new ArrayList<>(List.of("Authorization", "Bearer " + clientKey,
        "Content-Type", "application/json", "Accept", "application/json, text/event-stream"));
    all.addAll(List.of(headers));
    return http.send("POST", url, body, all.toArray(String[]::new));
  }

  /** Sends one request and returns the JSON-RPC response after checking the status is 200. */
  JsonObject call(String method, String paramsJson, String... headers) throws Exception {
    HttpResponse<String> response = post("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"" + method
        + "\",\"params\":" + paramsJson + "}", headers);
    if (response.statusCode() != 200) {
      throw new AssertionError(method + " answered " + response.statusCode() + ": " + response.body());
    }
    return json(response.body()).asJsonObject();
  }

  HttpResponse<String> send(String method, String... headers) throws Exception {
    List<String> all = new ArrayList<>(List.of("Authorization", "Bearer " + clientKey));
    all.addAll(List.of(headers));
    return http.send(method, url, null, all.toArray(String[]::new));
  }

  static JsonValue json(String text) {
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      return reader.readValue();
    }
  }
}
