package dev.claudenexus.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorHistoryTest {

  @Test
  void entriesAccumulateAndFinalErrorWins() {
    String history = ErrorHistory.add(null, "retry_1", "E", "first");
    history = ErrorHistory.add(history, "retry_2", "E", "second");

    assertThat(ErrorHistory.latestMessage(history)).isEqualTo("second");
    history = ErrorHistory.add(history, "final_error", "E", "given up");
    assertThat(history).contains("retry_1", "retry_2");
    assertThat(ErrorHistory.latestMessage(history)).isEqualTo("given up");
  }

  @Test
  void unreadableHistoryKept() {
    String history = ErrorHistory.add("plain text error", "retry_1", "E", "m");

    assertThat(history).contains("\"previous\":\"plain text error\"");
    assertThat(ErrorHistory.latestMessage("plain text error")).isEqualTo("plain text error");
  }

  @Test
  void longMessageShortened() {
    String history = ErrorHistory.add(null, "retry_1", "E", "m".repeat(10_000));

    assertThat(history.length()).isLessThan(ErrorHistory.MAX_MESSAGE_CHARS + 200);
  }
}
