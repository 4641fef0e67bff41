package dev.claudenexus.testsupport.claudecode;

/**
 * Texts of a Claude Code 2.1 auto-compaction: the instruction that requests a summary, the summary
 * response, and the user message that opens the compacted transcript.
 *
 * <p>The response wraps the summary as {@code <analysis>...</analysis>} then {@code <summary>...</summary>}.
 * The client keeps only the summary and sends it under the preamble {@value #PREAMBLE}, a bare
 * {@code Summary:} heading, and trailing instructions that begin {@value #DETAILS_MARKER} and
 * {@value #CONTINUE_MARKER}.
 */
public final class Compaction {

  public static final String PREAMBLE = "The summary below covers the earlier portion of the conversation.";
  public static final String DETAILS_MARKER = "If you need specific details from before compaction";
  public static final String CONTINUE_MARKER = "Continue the conversation from where it left off";

  private static final String SUMMARY_OPEN = "<summary>";
  private static final String SUMMARY_CLOSE = "</summary>";

  private Compaction() {
  }

  /** Returns the instruction that the client adds as the last user text of the summarising request. */
  public static String instruction() {
    return "The context window is nearly full. Write a summary of this conversation that lets the work"
        + " continue in a fresh context without the transcript.\n\n"
        + "First reason about the conversation in order inside <analysis> tags: what the user asked,"
        + " what you did, which files and commands mattered, which errors came up and how they were"
        + " resolved, and what the user said about how the work should be done.\n\n"
        + "Then write the summary inside <summary> tags with these numbered sections: Primary Request"
        + " and Intent, Key Technical Concepts, Files and Code Sections, Errors and fixes, Problem"
        + " Solving, All user messages, Pending Tasks, Current Work, Optional Next Step. Quote the"
        + " user's words where the next step depends on them. Do not call any tools.";
  }

  /** Returns a summary response text in the form the model writes it. */
  public static String response(String analysis, String summary) {
    return "<analysis>\n" + analysis.strip() + "\n</analysis>\n\n" + SUMMARY_OPEN + "\n" + summary.strip()
        + "\n" + SUMMARY_CLOSE;
  }

  /** Returns a sample summary response of more than 3,000 characters about a billing fix in this project. */
  public static String sampleResponse(String project, String tag) {
    return response(sample("compaction-analysis.txt", project, tag), sample("compaction-summary.txt", project, tag));
  }

  /** Returns the text between {@code <summary>} and {@code </summary>}, stripped, as the client keeps it. */
  public static String summaryOf(String responseText) {
    int open = responseText.indexOf(SUMMARY_OPEN);
    int close = responseText.lastIndexOf(SUMMARY_CLOSE);
    if (open < 0 || close < open) {
      throw new IllegalArgumentException("The response has no <summary>...</summary> section");
    }
    return responseText.substring(open + SUMMARY_OPEN.length(), close).strip();
  }

  /** Returns the user message that opens the transcript after compaction. */
  public static String continuationMessage(String summary, String transcriptPath) {
    return PREAMBLE + "\n\nSummary:\n" + summary + "\n\n"
        + DETAILS_MARKER + " (exact code, error output, or text you wrote earlier), read the full"
        + " transcript at: " + transcriptPath + "\n\n"
        + CONTINUE_MARKER + ", without asking the user further questions. Pick up the last task you"
        + " were working on.";
  }

  private static String sample(String resource, String project, String tag) {
    return ClaudeCodeTexts.resource(resource).replace("{{project}}", project).replace("{{tag}}", tag);
  }
}
