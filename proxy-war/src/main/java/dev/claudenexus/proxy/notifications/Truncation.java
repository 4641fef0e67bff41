package dev.claudenexus.proxy.notifications;

/** Shortening of text for Slack messages, with a visible marker where text was cut. */
final class Truncation {

  static final String ELLIPSIS = "...";

  private Truncation() {}

  /** Returns the text, or its first {@code max} characters followed by {@value #ELLIPSIS}. */
  static String head(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = max;
    // Do not split a surrogate pair, which would leave half an emoji.
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + ELLIPSIS;
  }

  /**
   * Returns the first {@code maxLines} lines, then at most {@code maxChars} characters of them, with
   * a marker where text was cut.
   */
  static String lines(String text, int maxLines, int maxChars) {
    String[] lines = text.split("\n", -1);
    String kept = text;
    String marker = "";
    if (lines.length > maxLines) {
      kept = String.join("\n", java.util.Arrays.copyOf(lines, maxLines));
      marker = "\n... (" + (lines.length - maxLines) + " more lines)";
    }
    if (kept.length() > maxChars) {
      return head(kept, maxChars) + " (truncated)";
    }
    return kept + marker;
  }
}
