package dev.claudenexus.proxy.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.claudenexus.proxy.Completions;
import dev.claudenexus.proxy.forwarding.RequestCompleted;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlackMessageFormatterTest {

  private static final SlackDestination DESTINATION = new SlackDestination(
      URI.create("https://hooks.example.com/x"), "#ai", "Claude Nexus Proxy", ":robot_face:");

  private static JsonObject success(String user, AssistantReply reply) {
    RequestCompleted completed = new Completions().build();
    return SlackMessageFormatter.success(completed.record(), user, reply, completed.maskedClientKey(),
        DESTINATION);
  }

  private static String text(JsonObject payload) {
    return payload.getString("text");
  }

  private static String footer(JsonObject payload) {
    return payload.getJsonArray("attachments").getJsonObject(0).getString("footer");
  }

  @Test
  void successHasUserAndClaudeLines() {
    JsonObject payload = success("Fix the bug", new AssistantReply("Done.", List.of()));

    assertEquals(":bust_in_silhouette: User: Fix the bug\n:robot_face: Claude: Done.", text(payload));
  }

  @Test
  void slackMarkupIsEscaped() {
    JsonObject payload = success("<!channel> see <https://evil.example|docs> & more",
        new AssistantReply("a < b > c", List.of()));

    assertEquals(":bust_in_silhouette: User: &lt;!channel&gt; see &lt;https://evil.example|docs&gt;"
        + " &amp; more\n:robot_face: Claude: a &lt; b &gt; c", text(payload));
  }

  @Test
  void footerNamesDomainModelTypeKeyAndTokens() {
    JsonObject payload = success("hi", new AssistantReply("ok", List.of()));

    assertEquals("team.example.com | claude-sonnet-4-5 | inference | cnp_**** | Tokens: 120 in / 45 out",
        footer(payload));
    assertEquals(Completions.TIME.toEpochSecond(),
        payload.getJsonArray("attachments").getJsonObject(0).getJsonNumber("ts").longValue());
  }

  @Test
  void senderFieldsFromDestination() {
    JsonObject payload = success("hi", new AssistantReply("ok", List.of()));

    assertEquals("#ai", payload.getString("channel"));
    assertEquals("Claude Nexus Proxy", payload.getString("username"));
    assertEquals(":robot_face:", payload.getString("icon_emoji"));
  }

  @Test
  void channelOmittedWhenUnset() {
    SlackDestination noChannel = new SlackDestination(URI.create("https://h.example.com"), null, "n", ":x:");
    RequestCompleted completed = new Completions().build();

    JsonObject payload = SlackMessageFormatter.success(completed.record(), "hi",
        new AssistantReply("ok", List.of()), null, noChannel);

    assertFalse(payload.containsKey("channel"));
    assertTrue(footer(payload).contains("| no key |"));
  }

  @Test
  void oneIndentedLinePerToolCall() {
    AssistantReply reply = new AssistantReply("Running it.", List.of(
        new AssistantReply.ToolUse("Bash", Json.object("{\"command\":\"npm\\n  test\"}")),
        new AssistantReply.ToolUse("TodoRead", Json.object("{}"))));

    String text = text(success("go", reply));

    assertTrue(text.endsWith("\n    :wrench: Bash: npm test\n    :wrench: TodoRead: reading the todo list"), text);
  }

  @Test
  void replyCutAfter20Lines() {
    StringBuilder reply = new StringBuilder();
    for (int i = 1; i <= 25; i++) {
      reply.append("line ").append(i).append(i < 25 ? "\n" : "");
    }

    String text = text(success("q", new AssistantReply(reply.toString(), List.of())));

    assertTrue(text.contains("line 20\n... (5 more lines)"), text);
    assertFalse(text.contains("line 21"), text);
  }

  @Test
  void replyCutAfter3000Characters() {
    String text = text(success("q", new AssistantReply("y".repeat(5000), List.of())));

    String claudeLine = text.substring(text.indexOf(":robot_face: Claude: ") + ":robot_face: Claude: ".length());
    assertTrue(claudeLine.startsWith("y".repeat(100)), claudeLine);
    assertTrue(text.length() <= SlackMessageFormatter.MAX_TEXT_CHARS + 3, "length " + text.length());
    assertTrue(text.endsWith("..."), text.substring(text.length() - 20));
  }

  @Test
  void wholeTextCappedWithManyToolCalls() {
    List<AssistantReply.ToolUse> tools = new java.util.ArrayList<>();
    for (int i = 0; i < 200; i++) {
      tools.add(new AssistantReply.ToolUse("Bash", Json.object("{\"command\":\"" + "c".repeat(40) + "\"}")));
    }

    String text = text(success("q", new AssistantReply("r", tools)));

    assertEquals(SlackMessageFormatter.MAX_TEXT_CHARS + 3, text.length());
  }

  @Test
  void userLineCutAfter1000Characters() {
    String text = text(success("u".repeat(1500), new AssistantReply("", List.of())));

    assertEquals(":bust_in_silhouette: User: " + "u".repeat(1000) + "...", text);
  }

  @Test
  void secretsMaskedInEveryLine() {
    AssistantReply reply = new AssistantReply("Your key sk-ant-api03-secret works",
        List.of(new AssistantReply.ToolUse("Bash",
            Json.object("{\"command\":\"curl -H 'Authorization: Bearer tok123'\"}"))));

    String text = text(success("my key is cnp_live_abcdef", reply));

    assertTrue(text.contains("User: my key is cnp_****"), text);
    assertTrue(text.contains("Claude: Your key sk-ant-**** works"), text);
    assertTrue(text.contains("Authorization: Bearer ****"), text);
    assertFalse(text.contains("abcdef"), text);
    assertFalse(text.contains("secret"), text);
    assertFalse(text.contains("tok123"), text);
  }

  @Test
  void errorNoticeHasMessageAndShortFooter() {
    RequestCompleted completed = new Completions().failure(529, "Overloaded").build();

    JsonObject payload = SlackMessageFormatter.error(completed.record(), DESTINATION);

    assertEquals("Error: Overloaded", text(payload));
    assertEquals("team.example.com | Unknown", footer(payload));
  }

  @Test
  void errorNoticeMasksSecrets() {
    RequestCompleted completed = new Completions().failure(401, "invalid x-api-key sk-ant-api03-leak").build();

    assertEquals("Error: invalid x-api-key sk-ant-****",
        text(SlackMessageFormatter.error(completed.record(), DESTINATION)));
  }

  @Test
  void errorNoticeWithoutMessageNamesStatus() {
    RequestCompleted completed = new Completions().failure(502, null).build();

    assertEquals("Error: HTTP 502", text(SlackMessageFormatter.error(completed.record(), DESTINATION)));
  }
}
