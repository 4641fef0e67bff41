package dev.claudenexus.conversation;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the summary that Claude Code puts in the first message after it compacts a conversation, and
 * the earlier response that produced it.
 *
 * <p>Two generations of the message exist. Claude Code 1.x wrote "This session is being continued
 * from a previous conversation that ran out of context. The conversation is summarized below:" and
 * the summary in {@code Analysis:}/{@code Summary:} form. Claude Code 2.x writes "The summary below
 * covers the earlier portion of the conversation." followed by a bare {@code Summary:} heading. Both
 * end with instructions to continue; the summary is cut at the earliest of them.
 */
final class CompactSummary {

  static final String COMPACT_MARKER =
      "This session is being continued from a previous conversation that ran out of context";
  static final String OLD_SUMMARY_MARKER = "The conversation is summarized below:";
  static final String NEW_PREAMBLE =
      "The summary below covers the earlier portion of the conversation.";
  private static final String SUMMARY_HEADING = "Summary:";
  private static final List<String> TRAILING_MARKERS =
      List.of(
          "Please continue the conversation",
          "If you need specific details from before compaction",
          "Continue the conversation from where it left off");

  /** Summaries shorter than this are too generic to identify a response. */
  static final int MIN_SEARCH_LENGTH = 100;

  /** Maximum length of the summary prefix searched; 200 characters collided between concurrent sessions. */
  static final int PROBE_LENGTH = 2_000;

  private static final String RESPONSE_SUMMARY_TAG = "<summary>";

  private CompactSummary() {}

  /** Returns the summary carried by a compaction continuation message, or empty for other messages. */
  static Optional<String> of(JsonObject message) {
    JsonValue content = message.get("content");
    if (content instanceof JsonString text) {
      return ofText(text.getString());
    }
    if (content instanceof JsonArray blocks) {
      for (JsonValue block : blocks) {
        if (block instanceof JsonObject object && object.get("text") instanceof JsonString text) {
          Optional<String> summary = ofText(text.getString());
          if (summary.isPresent()) {
            return summary;
          }
        }
      }
    }
    return Optional.empty();
  }

  static Optional<String> ofText(String text) {
    if (!text.contains(COMPACT_MARKER) && !text.contains(NEW_PREAMBLE)) {
      return Optional.empty();
    }
    int start = summaryStart(text);
    if (start < 0) {
      return Optional.empty();
    }
    String summary = text.substring(start);
    int end = summary.length();
    for (String marker : TRAILING_MARKERS) {
      int at = summary.indexOf(marker);
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    summary = ConversationText.jsTrim(summary.substring(0, end));
    int last = summary.length();
    while (last > 0 && summary.charAt(last - 1) == '.') {
      last--;
    }
    return Optional.of(ConversationText.jsTrim(summary.substring(0, last)));
  }

  private static int summaryStart(String text) {
    int old = text.indexOf(OLD_SUMMARY_MARKER);
    if (old >= 0) {
      return old + OLD_SUMMARY_MARKER.length();
    }
    int preamble = text.indexOf(NEW_PREAMBLE);
    if (preamble < 0) {
      return -1;
    }
    int start = preamble + NEW_PREAMBLE.length();
    String rest = text.substring(start);
    String afterSpace = ConversationText.jsTrim(rest);
    if (afterSpace.startsWith(SUMMARY_HEADING)) {
      return text.length() - afterSpace.length() + SUMMARY_HEADING.length();
    }
    return start;
  }

  /**
   * Returns the lower-case prefix of a summary to look for in earlier responses, or empty when the
   * summary is too short to identify one. The summariser's response wraps its parts in
   * {@code <analysis>} and {@code <summary>} tags that the 1.x message rewrote as headings, so those
   * headings are turned back into tags.
   */
  static Optional<String> probe(String summary) {
    String normalised = summary.toLowerCase(Locale.ROOT);
    if (normalised.startsWith("analysis:")) {
      normalised = "<analysis>" + normalised.substring("analysis:".length());
    }
    normalised = normalised.replaceFirst("\n\nsummary:", "\n</analysis>\n\n<summary>");
    normalised = ConversationText.jsTrim(normalised);
    if (normalised.length() < MIN_SEARCH_LENGTH) {
      return Optional.empty();
    }
    return Optional.of(normalised.substring(0, Math.min(PROBE_LENGTH, normalised.length())));
  }

  /** Returns whether a lower-case response text contains a summary, so it may be a compaction parent. */
  static boolean isSummaryResponse(String lowerCaseText) {
    return lowerCaseText != null && lowerCaseText.contains(RESPONSE_SUMMARY_TAG);
  }
}
