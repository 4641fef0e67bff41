package dev.claudenexus.conversation;

import static dev.claudenexus.json.JsonProviders.JSON;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConversationTextTest {

  @Test
  void jsTrimRemovesJavaScriptWhitespace() {
    String whitespace = "\t\n\u000B\f\r \u00A0\u1680\u2000\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF";

    assertEquals("text", ConversationText.jsTrim(whitespace + "text" + whitespace));
  }

  @Test
  void jsTrimKeepsOtherCharacters() {
    String kept = "\u0000\u001C\u0085\u180E\u200B";

    assertEquals(kept + "x" + kept, ConversationText.jsTrim(kept + "x" + kept));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "a <system-reminder>x</system-reminder> b|a b",
    "a<SYSTEM-Reminder>x</system-REMINDER>|a",
    "<system-reminder>a<system-reminder>b</system-reminder>c</system-reminder>|c</system-reminder>",
    "<system-reminder>never closed|<system-reminder>never closed",
    "one<system-reminder>a</system-reminder>two  <system-reminder>b</system-reminder>|onetwo",
    "<\u017Fystem-reminder>long s</system-reminder>|<\u017Fystem-reminder>long s</system-reminder>"
  })
  void stripRemindersRemovesBlocks(String text, String expected) {
    assertEquals(expected, ConversationText.stripReminders(text));
  }

  @Test
  void stripRemindersTakesWhitespaceBefore() {
    String text = "text\u00A0\u3000\n <system-reminder>x</system-reminder>\nafter";

    assertEquals("text\nafter", ConversationText.stripReminders(text));
  }

  @Test
  void joinedSystemTextJoinsBlocks() {
    JsonValue system = AcceptanceData.parse(
        "{\"s\": [{\"type\": \"text\", \"text\": \"a\"}, {\"type\": \"text\"}, \"plain\", {\"text\": 5}, null]}")
        .get("s");

    assertEquals("a\n\n\n5\n", ConversationText.joinedSystemText(system));
  }

  @Test
  void joinedSystemTextOfOtherTypes() {
    assertEquals("as is ", ConversationText.joinedSystemText(JSON.createValue("as is ")));
    assertNull(ConversationText.joinedSystemText(JsonValue.NULL));
    assertNull(ConversationText.joinedSystemText(JsonValue.EMPTY_JSON_OBJECT));
    assertNull(ConversationText.joinedSystemText(null));
  }
}
