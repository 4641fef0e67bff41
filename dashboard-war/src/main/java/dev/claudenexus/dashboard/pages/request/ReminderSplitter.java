package dev.claudenexus.dashboard.pages.request;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text at the {@code <system-reminder>...</system-reminder>} blocks that Claude Code adds to
 * messages. Tags match without regard to ASCII case; an opening tag without a closing one is text.
 */
final class ReminderSplitter {

  private static final String OPEN = "<system-reminder>";
  private static final String CLOSE = "</system-reminder>";

  /** A part of the text: a whole reminder block with its tags, or the text between reminders. */
  record Segment(String text, boolean reminder) {}

  private ReminderSplitter() {}

  /** Returns the segments in order; text between reminders that is only whitespace is left out. */
  static List<Segment> split(String text) {
    List<Segment> segments = new ArrayList<>();
    int from = 0;
    while (from < text.length()) {
      int open = indexOfTag(text, OPEN, from);
      int close = open < 0 ? -1 : indexOfTag(text, CLOSE, open + OPEN.length());
      if (close < 0) {
        break;
      }
      addText(segments, text.substring(from, open));
      int end = close + CLOSE.length();
      segments.add(new Segment(text.substring(open, end), true));
      from = end;
    }
    addText(segments, text.substring(Math.min(from, text.length())));
    return segments;
  }

  private static void addText(List<Segment> segments, String text) {
    if (!text.isBlank()) {
      segments.add(new Segment(text, false));
    }
  }

  private static int indexOfTag(String text, String tag, int from) {
    int candidate = text.indexOf('<', from);
    while (candidate >= 0) {
      if (text.regionMatches(true, candidate, tag, 0, tag.length())) {
        return candidate;
      }
      candidate = text.indexOf('<', candidate + 1);
    }
    return -1;
  }
}
