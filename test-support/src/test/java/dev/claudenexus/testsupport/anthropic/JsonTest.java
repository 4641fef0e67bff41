package dev.claudenexus.testsupport.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void streamTrueToleratesWhitespace() {
    assertTrue(Json.streamRequested("{\"stream\":true}"));
    assertTrue(Json.streamRequested("{ \"stream\" :\n true }"));
  }

  @Test
  void streamFalseOrMissingIsNotStreaming() {
    assertFalse(Json.streamRequested("{\"stream\":false}"));
    assertFalse(Json.streamRequested("{\"model\":\"m\"}"));
    assertFalse(Json.streamRequested("{\"stream\":\"true\"}"));
  }

  @Test
  void stringMemberDecodesEscapes() {
    assertEquals("a\"b\\c\u00e9\n", Json.stringMember("{\"model\" : \"a\\\"b\\\\c\\u00e9\\n\"}", "model"));
  }

  @Test
  void escapedKeyInTextIsIgnored() {
    String json = "{\"messages\":[{\"content\":\"say \\\"model\\\":\\\"x\\\"\"}],\"model\":\"real\"}";

    assertEquals("real", Json.stringMember(json, "model"));
  }

  @Test
  void missingOrUnterminatedMemberIsNull() {
    assertNull(Json.stringMember("{\"max_tokens\":5}", "model"));
    assertNull(Json.stringMember("{\"model\":\"open", "model"));
  }

  @Test
  void longValueDoesNotOverflowStack() {
    String value = "x".repeat(1_000_000);

    assertEquals(value, Json.stringMember("{\"model\":\"" + value + "\"}", "model"));
  }

  @Test
  void escapeRoundTripsControlCharacters() {
    String text = "tab\there \"quoted\" \u0001";

    assertEquals(text, Json.unescape(Json.escape(text)));
  }
}
