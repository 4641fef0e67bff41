package dev.claudenexus.proxy.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UserContentTest {

  private static final String BLOCKS = "{\"messages\":[{\"role\":\"user\",\"content\":\"old\"},"
      + "{\"role\":\"assistant\",\"content\":\"reply\"},{\"role\":\"user\",\"content\":["
      + "{\"type\":\"text\",\"text\":\"<system-reminder>a</system-reminder>\"},"
      + "{\"type\":\"image\",\"source\":{}},"
      + "{\"type\":\"text\",\"text\":\"the question\"},"
      + "{\"type\":\"text\",\"text\":\"<system-reminder>b</system-reminder>\"}]}]}";

  @Test
  void stringContentAsIs() {
    assertEquals("hello\nworld", UserContent.of(Json.object(
        "{\"messages\":[{\"role\":\"user\",\"content\":\"hello\\nworld\"}]}"), true));
  }

  @Test
  void inferenceDropsOuterTextParts() {
    assertEquals("the question", UserContent.of(Json.object(BLOCKS), true));
  }

  @Test
  void otherTypesKeepEveryTextPart() {
    assertEquals("<system-reminder>a</system-reminder>\nthe question\n<system-reminder>b</system-reminder>",
        UserContent.of(Json.object(BLOCKS), false));
  }

  @Test
  void twoTextPartsBothKept() {
    String body = "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"a\"},"
        + "{\"type\":\"text\",\"text\":\"b\"}]}]}";

    assertEquals("a\nb", UserContent.of(Json.object(body), true));
  }

  @Test
  void noUserMessageGivesEmptyText() {
    assertEquals("", UserContent.of(Json.object("{\"messages\":[]}"), true));
    assertEquals("", UserContent.of(null, true));
  }
}
