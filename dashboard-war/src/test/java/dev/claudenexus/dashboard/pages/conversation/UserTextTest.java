package dev.claudenexus.dashboard.pages.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserTextTest {

  @Test
  void lastUserTextWithoutReminders() {
    String body = "{\"messages\": [{\"role\": \"user\", \"content\": \"old\"},"
        + " {\"role\": \"user\", \"content\": [{\"type\": \"text\", \"text\":"
        + " \"<system-reminder>ctx</system-reminder>\"}, {\"type\": \"text\", \"text\":"
        + " \"  Fix   the\\nbug <script>  \"}]},"
        + " {\"role\": \"system\", \"content\": \"hook output\"}]}";

    assertThat(UserText.summary(body, 100)).contains("Fix the bug <script>");
  }

  @Test
  void toolResultSummarised() {
    String body = "{\"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"tool_result\","
        + " \"tool_use_id\": \"t\", \"content\": \"Tests run: 42\"}]}]}";

    assertThat(UserText.summary(body, 100)).contains("Tool result: Tests run: 42");
  }

  @Test
  void summaryShortened() {
    String body = "{\"messages\": [{\"role\": \"user\", \"content\": \"" + "w".repeat(500) + "\"}]}";

    assertThat(UserText.summary(body, 160)).hasValueSatisfying(
        text -> assertThat(text).hasSize(160).endsWith("…"));
  }

  @Test
  void noTextIsEmpty() {
    assertThat(UserText.summary(null, 100)).isEmpty();
    assertThat(UserText.summary("{broken", 100)).isEmpty();
    assertThat(UserText.summary("{\"messages\": []}", 100)).isEmpty();
    assertThat(UserText.summary("{\"messages\": [{\"role\": \"user\", \"content\": [{\"type\":"
        + " \"image\"}]}]}", 100)).isEmpty();
  }

  @Test
  void promptJoinsTextsTrimmed() {
    String body = "{\"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"text\","
        + " \"text\": \"<system-reminder>r</system-reminder>\"}, {\"type\": \"text\", \"text\":"
        + " \"  List tables\\\\nnow \"}]}, {\"role\": \"system\", \"content\": \"env\"}]}";

    assertThat(UserText.prompt(body)).contains("List tables\nnow");
  }
}
