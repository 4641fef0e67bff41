package dev.claudenexus.proxy.mcp;

import static dev.claudenexus.json.JsonProviders.JSON;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.claudenexus.api.mcp.prompts.PromptFileReader;
import dev.claudenexus.api.mcp.prompts.PromptSet;
import dev.claudenexus.api.mcp.prompts.PromptTemplates;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class McpExchangeTest {

  private static final PromptSet PROMPTS = new PromptSet(new TreeMap<>(Map.of("greet",
      new PromptFileReader(new PromptTemplates()).read("greet.yaml",
          "description: Greets\ntemplate: Hello {{name}}{{#if loud}}!{{/if}}"))), Map.of(), "");

  private static McpExchange.Outcome handle(String json) {
    try (JsonReader reader = JSON.createReader(new StringReader(json))) {
      return new McpExchange(new McpMethods(PROMPTS)).handle(reader.readValue());
    }
  }

  private static JsonObject reply(String json) {
    return handle(json).body().asJsonObject();
  }

  @Test
  void initializeRecordsVersion() {
    McpExchange.Outcome outcome = handle("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
        + "\"params\":{\"protocolVersion\":\"2025-03-26\"}}");

    assertEquals("2025-03-26", outcome.initializedVersion());
    assertEquals("2025-03-26", outcome.body().asJsonObject().getJsonObject("result").getString("protocolVersion"));
  }

  @Test
  void initializeWithoutVersionIsInvalid() {
    JsonObject reply = reply("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}");

    assertEquals(JsonRpc.INVALID_PARAMS, reply.getJsonObject("error").getInt("code"));
  }

  @Test
  void notificationHasNoReply() {
    assertNull(handle("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}").body());
    assertNull(handle("{\"jsonrpc\":\"2.0\",\"id\":4,\"result\":{}}").body());
  }

  @Test
  void getRendersPrompt() {
    JsonObject result = reply("{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"method\":\"prompts/get\","
        + "\"params\":{\"name\":\"greet\",\"arguments\":{\"name\":\"Ada\",\"loud\":true}}}")
        .getJsonObject("result");

    assertEquals("Greets", result.getString("description"));
    assertEquals("Hello Ada!", result.getJsonArray("messages").getJsonObject(0)
        .getJsonObject("content").getString("text"));
  }

  @Test
  void listNamesArguments() {
    JsonObject prompt = reply("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"prompts/list\"}")
        .getJsonObject("result").getJsonArray("prompts").getJsonObject(0);

    assertEquals("greet", prompt.getString("name"));
    assertEquals("greet", prompt.getString("id"));
    assertEquals(2, prompt.getJsonArray("arguments").size());
  }

  @Test
  void invalidMessagesHaveNullId() {
    for (String json : new String[] {"{\"id\":1,\"method\":\"ping\"}", "3", "{\"jsonrpc\":\"2.0\",\"id\":1}",
        "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}", "[]"}) {
      McpExchange.Outcome outcome = handle(json);

      assertTrue(outcome.invalidOnly(), json);
      assertEquals(JsonValue.NULL, outcome.body().asJsonObject().get("id"), json);
      assertEquals(JsonRpc.INVALID_REQUEST, outcome.body().asJsonObject().getJsonObject("error").getInt("code"), json);
    }
  }

  @Test
  void initializeInBatchIsRejected() {
    JsonObject reply = handle("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
        + "\"params\":{\"protocolVersion\":\"2025-03-26\"}}]").body().asJsonArray().getJsonObject(0);

    assertEquals(JsonRpc.INVALID_REQUEST, reply.getJsonObject("error").getInt("code"));
  }

  @Test
  void unknownMethodIsNamed() {
    JsonObject error = reply("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/list\"}").getJsonObject("error");

    assertEquals(JsonRpc.METHOD_NOT_FOUND, error.getInt("code"));
    assertEquals("Method not found: resources/list", error.getString("message"));
  }
}
