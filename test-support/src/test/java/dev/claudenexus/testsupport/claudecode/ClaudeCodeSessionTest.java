package dev.claudenexus.testsupport.claudecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClaudeCodeSessionTest {

  private static final String KEY = "cnp_live_test";

  @Test
  void firstRequestHasCapturedLayout() {
    ClaudeCodeSession session = ClaudeCodeSession.start(KEY, "ledger");
    session.prompt("Why is the total off by one cent?");

    ClaudeCodeRequest request = session.request();
    JsonObject body = request.json();
    JsonArray messages = body.getJsonArray("messages");

    assertEquals("/v1/messages?beta=true", request.target());
    assertEquals(List.of("user", "system"), roles(messages));
    JsonArray prompt = messages.getJsonObject(0).getJsonArray("content");
    assertTrue(prompt.getJsonObject(0).getString("text").startsWith("<system-reminder>\nAttribution"));
    assertEquals("Why is the total off by one cent?", prompt.getJsonObject(1).getString("text"));
    JsonObject environment = messages.getJsonObject(1).getJsonArray("content").getJsonObject(0);
    assertTrue(environment.getString("text").contains("Primary working directory: /home/dev/ledger"));
    assertEquals("ephemeral", environment.getJsonObject("cache_control").getString("type"));
    assertTrue(body.getBoolean("stream"));
    assertEquals("Agent", body.getJsonArray("tools").getJsonObject(0).getString("name"));
  }

  @Test
  void systemHasBillingOpeningAndGitStatus() {
    ClaudeCodeSession session = ClaudeCodeSession.start(KEY, "ledger");
    session.prompt("hi");

    JsonArray system = session.request().json().getJsonArray("system");

    assertEquals(3, system.size());
    assertEquals("x-anthropic-billing-header: cc_version=2.1.332.461; cc_entrypoint=cli;",
        system.getJsonObject(0).getString("text"));
    assertFalse(system.getJsonObject(0).containsKey("cache_control"));
    assertEquals("You are Claude Code, Anthropic's official CLI for Claude.",
        system.getJsonObject(1).getString("text"));
    String prompt = system.getJsonObject(2).getString("text");
    assertTrue(prompt.contains("\n\ngitStatus: "));
    assertTrue(prompt.substring(prompt.indexOf("gitStatus: ")).contains("Current branch: work/ledger"));
  }

  @Test
  void headersCarrySessionAndBeta() {
    ClaudeCodeSession session = ClaudeCodeSession.start(KEY, "ledger");
    session.prompt("hi");

    ClaudeCodeRequest request = session.request();
    JsonObject userId = parse(request.json().getJsonObject("metadata").getString("user_id"));

    assertEquals(KEY, request.headers().get("x-api-key"));
    assertEquals("2023-06-01", request.headers().get("anthropic-version"));
    assertEquals(8, request.headers().get("anthropic-beta").split(",").length);
    assertEquals(session.sessionId(), request.sessionId());
    assertEquals(session.sessionId(), userId.getString("session_id"));
    assertEquals(64, userId.getString("device_id").length());
  }

  @Test
  void toolLoopAppendsReplyAndResult() {
    ClaudeCodeSession session = ClaudeCodeSession.start(KEY, "ledger");
    session.prompt("Run the tests");
    AssistantReply reply = AssistantReply.toolUse("Running them.", ToolCall.bash("mvn -q test", "Run tests"));
    session.receive(reply);
    session.answerTools("Tests run: 3, Failures: 0");

    JsonArray messages = session.request().json().getJsonArray("messages");

    assertEquals(List.of("user", "system", "assistant", "user"), roles(messages));
    assertEquals(JsonValue.ValueType.STRING, messages.getJsonObject(1).get("content").getValueType());
    assertEquals(reply.content(), messages.getJsonObject(2).getJsonArray("content"));
    JsonObject result = messages.getJsonObject(3).getJsonArray("content").getJsonObject(0);
    assertEquals(reply.toolCalls().get(0).id(), result.getString("tool_use_id"));
    assertEquals("Tests run: 3, Failures: 0", result.getString("content"));
    assertEquals("ephemeral", result.getJsonObject("cache_control").getString("type"));
  }

  @Test
  void volatileSystemMessageIsReplaced() {
    ClaudeCodeSession session = ClaudeCodeSession.start(KEY, "ledger");
    session.prompt("Run the tests");
    session.replaceVolatileSystem("context used: 12%");
    session.receive(AssistantReply.toolUse("", ToolCall.bash("ls", "List files")));
    session.answerTools("pom.xml");
    session.replaceVolatileSystem("context used: 15%");

    JsonArray messages = session.request().json().getJsonArray("messages");

    assertEquals(List.of("user", "system", "assistant", "user", "system"), roles(messages));
    assertTrue(messages.toString().contains("context used: 15%"));
    assertFalse(messages.toString().contains("context used: 12%"));
  }

  @Test
  void reminderStyleSwitchesStringAndBlocks() {
    ClaudeCodeSession session = ClaudeCodeSession.start(KEY, "ledger");
    session.prompt("first");
    session.receive(AssistantReply.text("done"));
    session.prompt("second", "The todo list is empty.");
    session.receive(AssistantReply.text("done again"));
    session.prompt("third");

    session.reminderStyle(ReminderStyle.STRING);
    JsonArray asStrings = session.request().json().getJsonArray("messages");
    session.reminderStyle(ReminderStyle.BLOCKS);
    JsonArray asBlocks = session.request().json().getJsonArray("messages");

    assertEquals("<system-reminder>\nThe todo list is empty.\n</system-reminder>\n\nsecond",
        asStrings.getJsonObject(3).getString("content"));
    assertEquals(2, asBlocks.getJsonObject(3).getJsonArray("content").size());
    assertEquals(JsonValue.ValueType.STRING, asStrings.getJsonObject(0).get("content").getValueType());
    assertEquals(JsonValue.ValueType.ARRAY, asStrings.getJsonObject(5).get("content").getValueType());
  }

  @Test
  void billingVersionChangesOnlyHeader() {
    ClaudeCodeSession session = ClaudeCodeSession.start(KEY, "ledger");
    session.prompt("hi");
    JsonArray before = session.request().json().getJsonArray("system");
    session.billingVersion("2.1.333.0a2");
    JsonArray after = session.request().json().getJsonArray("system");

    assertEquals("x-anthropic-billing-header: cc_version=2.1.333.0a2; cc_entrypoint=cli;",
        after.getJsonObject(0).getString("text"));
    assertEquals(before.subList(1, 3), after.subList(1, 3));
  }

  @Test
  void summarisingRequestMergesInstruction() {
    ClaudeCodeSession session = sessionAfterOneToolCall();

    JsonObject body = session.summarisingRequest().json();
    JsonArray messages = body.getJsonArray("messages");
    JsonArray last = messages.getJsonObject(messages.size() - 1).getJsonArray("content");

    assertEquals(List.of("user", "system", "assistant", "user"), roles(messages));
    assertEquals("tool_result", last.getJsonObject(0).getString("type"));
    assertEquals(Compaction.instruction(), last.getJsonObject(1).getString("text"));
    assertEquals(ClaudeCodeTexts.SUMMARISER_OPENING, body.getJsonArray("system").getJsonObject(1).getString("text"));
    assertEquals(0, body.getJsonArray("tools").size());
  }

  @Test
  void compactKeepsSummaryAndTail() {
    ClaudeCodeSession session = sessionAfterOneToolCall();
    String response = Compaction.sampleResponse("ledger", "tag-1");
    session.compact(AssistantReply.text(response));

    JsonArray messages = session.request().json().getJsonArray("messages");
    String summaryMessage = messages.getJsonObject(0).getString("content");

    assertEquals(List.of("user", "assistant", "user"), roles(messages));
    assertTrue(summaryMessage.startsWith(Compaction.PREAMBLE + "\n\nSummary:\n1. Primary Request and Intent:"));
    assertTrue(summaryMessage.contains(Compaction.summaryOf(response) + "\n\n" + Compaction.DETAILS_MARKER));
    assertTrue(summaryMessage.contains("\n\n" + Compaction.CONTINUE_MARKER));
    assertFalse(summaryMessage.contains("<analysis>"));
    assertEquals("tool_use", messages.getJsonObject(1).getJsonArray("content").getJsonObject(1).getString("type"));
    assertEquals("tool_result", messages.getJsonObject(2).getJsonArray("content").getJsonObject(0).getString("type"));
  }

  @Test
  void agentSubAgentStartsWithUserAndSystem() {
    ClaudeCodeSession parent = ClaudeCodeSession.start(KEY, "ledger");
    ClaudeCodeSession agent = parent.startAgent("Find every caller of roundLine");

    JsonObject body = agent.request().json();

    assertEquals(List.of("user", "system"), roles(body.getJsonArray("messages")));
    assertEquals("Find every caller of roundLine",
        body.getJsonArray("messages").getJsonObject(0).getJsonArray("content").getJsonObject(0).getString("text"));
    assertEquals(parent.sessionId(), agent.sessionId());
    assertFalse(toolNames(body).contains("Agent"));
  }

  @Test
  void taskSubAgentStartsWithUserOnly() {
    ClaudeCodeSession parent = ClaudeCodeSession.start(KEY, "ledger").useTaskTool();
    parent.prompt("hi");
    ClaudeCodeSession task = parent.startTask("List the migrations");

    assertEquals(List.of("user"), roles(task.request().json().getJsonArray("messages")));
    assertTrue(toolNames(parent.request().json()).contains("Task"));
    assertFalse(toolNames(parent.request().json()).contains("Agent"));
  }

  @Test
  void forkTakesNewSessionId() {
    ClaudeCodeSession session = sessionAfterOneToolCall();

    ClaudeCodeSession fork = session.fork();
    ClaudeCodeSession copy = session.copy();

    assertNotEquals(session.sessionId(), fork.sessionId());
    assertEquals(session.sessionId(), copy.sessionId());
    assertEquals(session.request().json().getJsonArray("messages"), fork.request().json().getJsonArray("messages"));
  }

  @Test
  void answerToolsRejectsWrongCount() {
    ClaudeCodeSession session = ClaudeCodeSession.start(KEY, "ledger");
    session.prompt("hi");
    session.receive(AssistantReply.toolUse("", ToolCall.read("/a"), ToolCall.read("/b")));

    assertThrows(IllegalStateException.class, () -> session.answerTools("only one"));
  }

  private static ClaudeCodeSession sessionAfterOneToolCall() {
    ClaudeCodeSession session = ClaudeCodeSession.start(KEY, "ledger");
    session.prompt("Run the tests");
    session.receive(AssistantReply.toolUse("Running them.", ToolCall.bash("mvn -q test", "Run tests")));
    session.answerTools("Tests run: 3, Failures: 1");
    return session;
  }

  private static List<String> roles(JsonArray messages) {
    return messages.getValuesAs(JsonObject.class).stream().map(message -> message.getString("role")).toList();
  }

  private static List<String> toolNames(JsonObject body) {
    return body.getJsonArray("tools").getValuesAs(JsonObject.class).stream()
        .map(tool -> tool.getString("name")).toList();
  }

  private static JsonObject parse(String json) {
    return Json.createReader(new StringReader(json)).readObject();
  }
}
