package dev.claudenexus.dashboard.pages.request;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudenexus.dashboard.pages.request.ReminderSplitter.Segment;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReminderSplitterTest {

  @Test
  void textWithoutReminderIsOneSegment() {
    assertThat(ReminderSplitter.split("plain text")).containsExactly(new Segment("plain text", false));
  }

  @Test
  void remindersBetweenTexts() {
    List<Segment> segments = ReminderSplitter.split(
        "a<system-reminder>r1</system-reminder> \n <SYSTEM-REMINDER>r2</System-Reminder>b");

    assertThat(segments).containsExactly(
        new Segment("a", false),
        new Segment("<system-reminder>r1</system-reminder>", true),
        new Segment("<SYSTEM-REMINDER>r2</System-Reminder>", true),
        new Segment("b", false));
  }

  @Test
  void unclosedReminderStaysText() {
    String text = "before <system-reminder> never closed";

    assertThat(ReminderSplitter.split(text)).containsExactly(new Segment(text, false));
  }

  @Test
  void emptyTextHasNoSegments() {
    assertThat(ReminderSplitter.split("  \n")).isEmpty();
  }
}
