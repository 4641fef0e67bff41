package dev.claudenexus.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The MCP server at {@code /mcp} over HTTP: authentication with the client key, the protocol
 * handshake and sessions, the prompt methods, and JSON-RPC errors of malformed and hostile input.
 */
@ExtendWith(NexusServerExtension.class)
class McpIT {

  private final NexusServer server;
  private final McpClient mcp;

  McpIT(NexusServer server) {
    this.server = server;
    this.mcp = new McpClient(server);
  }

  private static JsonObject error(HttpResponse<String> response) {
    return McpClient.json(response.body()).asJsonObject().getJsonObject("error");
  }

  @Test
  void missingKeyIsRejected() throws Exception {
    HttpResponse<String> response = new ApiClient().send("POST", server.baseUrl() + "/mcp",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", "Content-Type", "application/json");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
        value -> assertThat(value).startsWith("Bearer"));
  }

  @Test
  void wrongKeyIsRejected() throws Exception {
    HttpResponse<String> response = new McpClient(server.baseUrl() + "/mcp", "cnp_live_wrong")
        .post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("Invalid client API key").doesNotContain("cnp_live_wrong");
  }

  @Test
  void initializeEchoesSupportedVersion() throws Exception {
    for (String version : new String[] {"2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25"}) {
      HttpResponse<String> response = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
          + "\"params\":{\"protocolVersion\":\"" + version + "\",\"capabilities\":{},"
          + "\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}");

      assertThat(response.statusCode()).as(version).isEqualTo(200);
      JsonObject result = McpClient.json(response.body()).asJsonObject().getJsonObject("result");
      assertThat(result.getString("protocolVersion")).isEqualTo(version);
      assertThat(result.getJsonObject("serverInfo").getString("name")).isEqualTo("claude-nexus-mcp-server");
      assertThat(result.getJsonObject("capabilities").containsKey("prompts")).isTrue();
      assertThat(response.headers().firstValue("Mcp-Session-Id")).isPresent();
    }
  }

  @Test
  void initializeOffersNewestForUnknownVersion() throws Exception {
    JsonObject result = mcp.call("initialize", "{\"protocolVersion\":\"1999-01-01\"}")
        .getJsonObject("result");

    assertThat(result.getString("protocolVersion")).isEqualTo("2025-11-25");
  }

  @Test
  void notificationGets202WithoutBody() throws Exception {
    HttpResponse<String> response = mcp.post(
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void parseErrorHasNullId() throws Exception {
    HttpResponse<String> response = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":1,");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(error(response).getInt("code")).isEqualTo(-32700);
    assertThat(McpClient.json(response.body()).asJsonObject().get("id")).isEqualTo(JsonValue.NULL);
  }

  @Test
  void invalidRequestsGet32600() throws Exception {
    for (String body : new String[] {"{\"id\":1,\"method\":\"ping\"}",
        "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":{\"x\":1},\"method\":\"ping\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":42}", "\"text\"", "[]"}) {
      HttpResponse<String> response = mcp.post(body);

      assertThat(response.statusCode()).as(body).isEqualTo(400);
      assertThat(error(response).getInt("code")).as(body).isEqualTo(-32600);
    }
  }

  @Test
  void unknownMethodGets32601() throws Exception {
    JsonObject response = mcp.call("tools/call", "{}");

    assertThat(response.getInt("id")).isEqualTo(7);
    assertThat(response.getJsonObject("error").getInt("code")).isEqualTo(-32601);
    assertThat(response.getJsonObject("error").getString("message")).contains("tools/call");
  }

  @Test
  void pingReturnsEmptyResult() throws Exception {
    assertThat(mcp.call("ping", "{}").getJsonObject("result")).isEmpty();
  }

  @Test
  void listShowsPromptWithArguments() throws Exception {
    JsonArray prompts = mcp.call("prompts/list", "{}").getJsonObject("result").getJsonArray("prompts");

    JsonObject local = prompts.getValuesAs(JsonObject.class).stream()
        .filter(p -> p.getString("name").equals(NexusServer.LOCAL_PROMPT)).findFirst().orElseThrow();
    assertThat(local.getString("id")).isEqualTo(NexusServer.LOCAL_PROMPT);
    assertThat(local.getString("description")).isEqualTo("A prompt kept only in this folder");
    assertThat(local.getJsonArray("arguments").getValuesAs(JsonObject.class))
        .extracting(argument -> argument.getString("name")).containsExactly("topic", "detail");
  }

  @Test
  void getRendersArgumentsUnescaped() throws Exception {
    JsonObject result = mcp.call("prompts/get", "{\"name\":\"" + NexusServer.LOCAL_PROMPT
        + "\",\"arguments\":{\"topic\":\"<b>R&D</b>\",\"detail\":\"yes\"}}").getJsonObject("result");

    JsonObject message = result.getJsonArray("messages").getJsonObject(0);
    assertThat(message.getString("role")).isEqualTo("user");
    assertThat(message.getJsonObject("content").getString("text")).isEqualTo("Summarise <b>R&D</b> in detail.\n");
  }

  @Test
  void getAcceptsOriginalPromptId() throws Exception {
    JsonObject result = mcp.call("prompts/get", "{\"promptId\":\"" + NexusServer.LOCAL_PROMPT
        + "\",\"arguments\":{\"topic\":\"x\"}}").getJsonObject("result");

    assertThat(result.getJsonArray("messages").getJsonObject(0).getJsonObject("content").getString("text"))
        .isEqualTo("Summarise x.\n");
  }

  @Test
  void missingPromptGets32602() throws Exception {
    JsonObject error = mcp.call("prompts/get", "{\"name\":\"does-not-exist\"}").getJsonObject("error");

    assertThat(error.getInt("code")).isEqualTo(-32602);
    assertThat(error.getString("message")).contains("Prompt not found: does-not-exist");
  }

  @Test
  void invalidParamsGet32602() throws Exception {
    for (String params : new String[] {"{}", "{\"name\":5}",
        "{\"name\":\"" + NexusServer.LOCAL_PROMPT + "\",\"arguments\":[1]}",
        "{\"name\":\"" + NexusServer.LOCAL_PROMPT + "\",\"arguments\":{\"topic\":{\"a\":1}}}"}) {
      JsonObject error = mcp.call("prompts/get", params).getJsonObject("error");

      assertThat(error.getInt("code")).as(params).isEqualTo(-32602);
    }
    assertThat(mcp.call("prompts/list", "{\"cursor\":\"abc\"}").getJsonObject("error").getInt("code"))
        .isEqualTo(-32602);
    assertThat(mcp.call("ping", "[1]").getJsonObject("error").getInt("code")).isEqualTo(-32602);
  }

  @Test
  void batchAnswersRequestsOnly() throws Exception {
    HttpResponse<String> response = mcp.post("[{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"ping\"},"
        + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"},"
        + "{\"jsonrpc\":\"2.0\",\"id\":\"b\",\"method\":\"nope\"}]");

    JsonArray replies = McpClient.json(response.body()).asJsonArray();
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(replies).hasSize(2);
    assertThat(replies.getJsonObject(0).getString("id")).isEqualTo("a");
    assertThat(replies.getJsonObject(1).getJsonObject("error").getInt("code")).isEqualTo(-32601);
  }

  @Test
  void sessionWorksUntilDeleted() throws Exception {
    HttpResponse<String> initialized = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
        + "\"params\":{\"protocolVersion\":\"2025-06-18\"}}");
    String session = initialized.headers().firstValue("Mcp-Session-Id").orElseThrow();

    assertThat(mcp.call("ping", "{}", "Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-06-18")
        .containsKey("result")).isTrue();
    assertThat(mcp.send("DELETE", "Mcp-Session-Id", session).statusCode()).isEqualTo(204);

    HttpResponse<String> after = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}",
        "Mcp-Session-Id", session);
    assertThat(after.statusCode()).isEqualTo(404);
  }

  @Test
  void unknownSessionGets404() throws Exception {
    HttpResponse<String> response = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}",
        "Mcp-Session-Id", "0123456789abcdef0123456789abcdef");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(error(response).getString("message")).contains("initialize again");
  }

  @Test
  void unsupportedVersionHeaderGets400() throws Exception {
    HttpResponse<String> response = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}",
        "MCP-Protocol-Version", "2020-01-01");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(error(response).getString("message")).contains("MCP-Protocol-Version");
  }

  @Test
  void hostileTransportInputIsRejected() throws Exception {
    HttpResponse<String> foreignOrigin = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}",
        "Origin", "http://evil.example");
    HttpResponse<String> wrongType = new ApiClient().send("POST", server.baseUrl() + "/mcp", "ping",
        "Authorization", "Bearer " + server.clientKey, "Content-Type", "text/plain");
    HttpResponse<String> oversized = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\","
        + "\"params\":{\"pad\":\"" + "x".repeat(1024 * 1024) + "\"}}");
    HttpResponse<String> htmlOnly = new ApiClient().send("POST", server.baseUrl() + "/mcp",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", "Authorization", "Bearer " + server.clientKey,
        "Content-Type", "application/json", "Accept", "text/html");

    assertThat(foreignOrigin.statusCode()).isEqualTo(403);
    assertThat(wrongType.statusCode()).isEqualTo(415);
    assertThat(oversized.statusCode()).isEqualTo(413);
    assertThat(htmlOnly.statusCode()).isEqualTo(406);
  }

  @Test
  void deeplyNestedBodyIsRejected() throws Exception {
    String nested = "[".repeat(5_000) + "]".repeat(5_000);

    HttpResponse<String> response = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\","
        + "\"params\":{\"x\":" + nested + "}}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(error(response).getInt("code")).isEqualTo(-32700);
    assertThat(error(response).getString("message")).contains("deeper than");
  }

  @Test
  void getWithEventStreamGets405() throws Exception {
    HttpResponse<String> stream = mcp.send("GET", "Accept", "text/event-stream");
    HttpResponse<String> discovery = mcp.send("GET", "Accept", "application/json");

    assertThat(stream.statusCode()).isEqualTo(405);
    assertThat(discovery.statusCode()).isEqualTo(200);
    assertThat(McpClient.json(discovery.body()).asJsonObject().getString("name"))
        .isEqualTo("claude-nexus-mcp-server");
  }

  @Test
  void newFileIsServedWithinASecond() throws Exception {
    Path file = server.promptsDirectory().resolve("watched.yaml");
    Files.writeString(file, "description: Added while running\ntemplate: Watch {{it}}\n");
    long start = System.nanoTime();
    try {
      boolean served = false;
      while (!served && System.nanoTime() - start < Duration.ofSeconds(10).toNanos()) {
        served = mcp.call("prompts/list", "{}").getJsonObject("result").getJsonArray("prompts")
            .getValuesAs(JsonObject.class).stream().anyMatch(p -> p.getString("name").equals("watched"));
      }
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(served).as("watched.yaml served").isTrue();
      // One second plus the time of the request round trips on a loaded 2-core machine.
      assertThat(took).isLessThan(Duration.ofMillis(2_000));
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
