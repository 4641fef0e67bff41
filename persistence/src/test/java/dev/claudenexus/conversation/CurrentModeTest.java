package dev.claudenexus.conversation;

import static dev.claudenexus.json.JsonProviders.JSON;

import static dev.claudenexus.conversation.AcceptanceData.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules that {@link HashMode#CURRENT} adds, each against a body that the original rules hash differently. */
class CurrentModeTest {

  private static final MessageHasher CURRENT = new MessageHasher(HashMode.CURRENT);
  private static final MessageHasher ORIGINAL = new MessageHasher(HashMode.ORIGINAL);

  private static final String TOOL_LOOP = "captures/claude-code-2.1.332_tool-loop_turn2.json";
  private static final String SAY_HI = "captures/claude-code-2.1.332_say-hi_turn1.json";

  @Test
  void systemRoleMessagesNotHashed() {
    JsonObject withSystem = parse("""
        {"messages": [{"role": "user", "content": "hi"}, {"role": "system", "content": "Today is Monday."},
          {"role": "assistant", "content": "hello"}, {"role": "user", "content": "bye"}]}""");
    JsonObject without = parse("""
        {"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"},
          {"role": "user", "content": "bye"}]}""");

    assertEquals(CURRENT.hash(without), CURRENT.hash(withSystem));
    assertNotEquals(ORIGINAL.hash(without).currentMessageHash(), ORIGINAL.hash(withSystem).currentMessageHash());
  }

  @Test
  void systemRoleMessagesNotCounted() {
    JsonObject body = parse("""
        {"messages": [{"role": "user", "content": "hi"}, {"role": "system", "content": "ctx"},
          {"role": "assistant", "content": "hello"}, {"role": "system", "content": "ctx"}]}""");

    assertEquals(2, CURRENT.hash(body).dedupedMessageCount());
    assertNull(CURRENT.hash(body).parentMessageHash(), "two counted messages have no parent");
    assertEquals(2, CURRENT.countedMessages(body).size());
    assertEquals(4, ORIGINAL.countedMessages(body).size());
  }

  /**
   * Claude Code 2.1 sends {@code [user, system]} as the first request and {@code [user, system,
   * assistant, user]} as the second. The system message is not counted, so the second request's
   * counted messages are {@code [user, assistant, user]}; leaving out the last turn (the assistant's
   * tool call and the user's tool result) leaves the first user message, which is all the first
   * request's hash covers once its system message is dropped.
   */
  @Test
  void toolLoopOpeningTurnIsParent() {
    JsonObject turn2 = AcceptanceData.object(TOOL_LOOP).getJsonObject("body");
    JsonArray messages = turn2.getJsonArray("messages");
    JsonObject opening = JSON.createObjectBuilder(turn2)
        .add("messages", JSON.createArrayBuilder().add(messages.get(0)).add(messages.get(1))).build();

    String openingHash = CURRENT.hash(opening).currentMessageHash();

    assertNotNull(openingHash);
    assertEquals(openingHash, CURRENT.hash(turn2).parentMessageHash());
  }

  /** The injected system message changes between the turns; only the current rules still link them. */
  @Test
  void changedSystemMessageStillLinks() {
    JsonObject turn2 = AcceptanceData.object(TOOL_LOOP).getJsonObject("body");
    JsonArray messages = turn2.getJsonArray("messages");
    JsonObject changedSystem = JSON.createObjectBuilder().add("role", "system")
        .add("content", JSON.createArrayBuilder().add(JSON.createObjectBuilder().add("type", "text")
            .add("text", "# Environment\nToday's date is 2026-12-03.")
            .add("cache_control", JSON.createObjectBuilder().add("type", "ephemeral"))))
        .build();
    JsonObject opening = JSON.createObjectBuilder(turn2)
        .add("messages", JSON.createArrayBuilder().add(messages.get(0)).add(changedSystem)).build();

    assertEquals(CURRENT.hash(opening).currentMessageHash(), CURRENT.hash(turn2).parentMessageHash());
    assertNotEquals(ORIGINAL.hash(opening).currentMessageHash(), ORIGINAL.hash(turn2).parentMessageHash());
  }

  @Test
  void remindersStrippedFromStrings() {
    JsonObject withReminder = parse("""
        {"messages": [{"role": "user", "content": "hello <system-reminder>note</system-reminder> world"}]}""");
    JsonObject without = parse("""
        {"messages": [{"role": "user", "content": "hello world"}]}""");

    assertEquals(CURRENT.hash(without), CURRENT.hash(withReminder));
    assertNotEquals(ORIGINAL.hash(without), ORIGINAL.hash(withReminder));
  }

  @Test
  void reminderOnlyStringNormalizesToEmpty() {
    JsonObject reminderString = parse("""
        {"messages": [{"role": "user", "content": " <system-reminder>note</system-reminder>\\n"}]}""");
    JsonObject emptyArray = parse("""
        {"messages": [{"role": "user", "content": []}]}""");

    assertEquals(CURRENT.hash(emptyArray), CURRENT.hash(reminderString));
  }

  @Test
  void reminderStringThenBlockArrayLinks() {
    JsonObject first = parse("""
        {"messages": [{"role": "user",
          "content": "<system-reminder>\\nContext A\\n</system-reminder>\\nsay hi"}]}""");
    JsonObject second = parse("""
        {"messages": [{"role": "user", "content": [
            {"type": "text", "text": "<system-reminder>\\nContext A\\n</system-reminder>\\n",
             "cache_control": {"type": "ephemeral"}},
            {"type": "text", "text": "say hi"}]},
          {"role": "assistant", "content": "hi"}, {"role": "user", "content": "thanks"}]}""");

    assertEquals(CURRENT.hash(first).currentMessageHash(), CURRENT.hash(second).parentMessageHash());
    assertNotEquals(ORIGINAL.hash(first).currentMessageHash(), ORIGINAL.hash(second).parentMessageHash());
  }

  @Test
  void onlySystemMessagesGiveNoHash() {
    JsonObject body = parse("""
        {"messages": [{"role": "system", "content": "ctx"}, {"role": "system", "content": "more"}]}""");

    assertEquals(MessageHashes.NONE, CURRENT.hash(body));
    assertNotNull(ORIGINAL.hash(body).currentMessageHash());
  }

  @Test
  void everyMessageDroppedGivesNoHash() {
    JsonObject body = parse("""
        {"messages": [{"role": "user", "content": [
          {"type": "tool_result", "tool_use_id": "toolu_1", "content": "a"},
          {"type": "tool_result", "tool_use_id": "toolu_1", "content": "b"}]}]}""");

    assertEquals(MessageHashes.NONE, CURRENT.hash(body));
  }

  @Test
  void billingHeaderDoesNotChangeSystemHash() {
    String first = "x-anthropic-billing-header: cc_version=2.1.332.0b8; cc_entrypoint=sdk-cli;\nBe brief.";
    String second = "x-anthropic-billing-header: cc_version=2.1.333.461; cc_entrypoint=sdk-cli;\nBe brief.";

    assertEquals(CURRENT.systemHash(JSON.createValue("Be brief.")), CURRENT.systemHash(JSON.createValue(first)));
    assertEquals(CURRENT.systemHash(JSON.createValue(first)), CURRENT.systemHash(JSON.createValue(second)));
    assertNotEquals(ORIGINAL.systemHash(JSON.createValue(first)), ORIGINAL.systemHash(JSON.createValue(second)));
  }

  @Test
  void capturedSystemPromptsHashEqually() {
    JsonObject sayHi = AcceptanceData.object(SAY_HI).getJsonObject("body");
    JsonObject toolLoop = AcceptanceData.object(TOOL_LOOP).getJsonObject("body");

    assertEquals(CURRENT.systemHash(sayHi.get("system")), CURRENT.systemHash(toolLoop.get("system")));
    assertNotEquals(ORIGINAL.systemHash(sayHi.get("system")), ORIGINAL.systemHash(toolLoop.get("system")));
  }

  @Test
  void claudeCodeOpeningsRecognized() {
    for (String opening : SystemPrompt.CLAUDE_CODE_OPENINGS) {
      String sessionA = "x-anthropic-billing-header: cc_version=1;\n" + opening + ".\nWorking directory: /a";
      String sessionB = "\n" + opening + ".\nWorking directory: /b\ngitStatus: clean";

      String expected = CURRENT.systemHash(JSON.createValue(opening));

      assertEquals(expected, CURRENT.systemHash(JSON.createValue(sessionA)), opening);
      assertEquals(expected, CURRENT.systemHash(JSON.createValue(sessionB)), opening);
    }
  }

  @Test
  void gitStatusTailCut() {
    String first = "Be brief.\n\ngitStatus: snapshot\nCurrent branch: main\n\nStatus:\n M a.ts\n\n"
        + "Recent commits:\nabc one";
    String second = "Be brief.\n\ngitStatus: snapshot\n\nSomething else entirely";

    assertEquals(CURRENT.systemHash(JSON.createValue("Be brief.")), CURRENT.systemHash(JSON.createValue(first)));
    assertEquals(CURRENT.systemHash(JSON.createValue(first)), CURRENT.systemHash(JSON.createValue(second)));
    assertNotEquals(ORIGINAL.systemHash(JSON.createValue(first)), ORIGINAL.systemHash(JSON.createValue(second)));
  }

  @Test
  void toolInputKeyOrderIgnored() {
    JsonObject ab = toolUse("{\"a\": 1, \"b\": {\"y\": [1, {\"q\": 1, \"p\": 2}], \"x\": 2}}");
    JsonObject ba = toolUse("{\"b\": {\"x\": 2, \"y\": [1, {\"p\": 2, \"q\": 1}]}, \"a\": 1}");

    assertEquals(CURRENT.hash(ab), CURRENT.hash(ba));
    assertNotEquals(ORIGINAL.hash(ab), ORIGINAL.hash(ba));
  }

  @Test
  void toolResultKeyOrderIgnored() {
    JsonObject first = toolResult("""
        [{"type": "text", "text": "hi", "cache_control": {"type": "ephemeral"}}]""");
    JsonObject second = toolResult("""
        [{"cache_control": {"type": "ephemeral"}, "text": "hi", "type": "text"}]""");

    assertEquals(CURRENT.hash(first), CURRENT.hash(second));
    assertNotEquals(ORIGINAL.hash(first), ORIGINAL.hash(second));
  }

  @Test
  void grandparentHashFromFiveMessages() {
    JsonObject five = parse("""
        {"messages": [{"role": "user", "content": "1"}, {"role": "assistant", "content": "2"},
          {"role": "user", "content": "3"}, {"role": "assistant", "content": "4"},
          {"role": "user", "content": "5"}]}""");
    JsonObject one = parse("""
        {"messages": [{"role": "user", "content": "1"}]}""");
    JsonObject three = parse("""
        {"messages": [{"role": "user", "content": "1"}, {"role": "assistant", "content": "2"},
          {"role": "user", "content": "3"}]}""");

    for (MessageHasher hasher : List.of(CURRENT, ORIGINAL)) {
      assertEquals(hasher.hash(one).currentMessageHash(), hasher.hash(five).grandparentMessageHash());
      assertEquals(hasher.hash(three).currentMessageHash(), hasher.hash(five).parentMessageHash());
      assertNull(hasher.hash(three).grandparentMessageHash());
    }
  }

  private static JsonObject toolUse(String input) {
    return parse("""
        {"messages": [{"role": "user", "content": "go"}, {"role": "assistant", "content": [
          {"type": "tool_use", "id": "toolu_1", "name": "Edit", "input": %s}]}]}""".formatted(input));
  }

  private static JsonObject toolResult(String content) {
    return parse("""
        {"messages": [{"role": "user", "content": [
          {"type": "tool_result", "tool_use_id": "toolu_1", "content": %s}]}]}""".formatted(content));
  }
}
