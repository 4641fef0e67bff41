package dev.claudenexus.conversation;

import static dev.claudenexus.conversation.ConversationText.jsTrim;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The stable part of a system prompt: the text left after removing what changes while a conversation
 * goes on (reminders, git status, transient context). The patterns reproduce the original's
 * JavaScript regular expressions, so they spell out JavaScript's line terminators (LF, CR, U+2028,
 * U+2029) and {@code .}, which in Java would also take U+0085 as a line end. Repetitions are
 * possessive where that does not change the match, so that long inputs cannot overflow the stack.
 */
final class SystemPrompt {

  /** The opening of the Claude Code 1.x system prompt, which the original recognised. */
  static final String CLI_PREFIX =
      "You are an interactive CLI tool that helps users with software engineering tasks";

  /**
   * Openings of Claude Code system prompts that {@link HashMode#CURRENT} recognises. A prompt that
   * starts with one of them hashes as just that opening: the rest describes the environment and
   * changes between the requests of one session.
   */
  static final List<String> CLAUDE_CODE_OPENINGS = List.of(
      CLI_PREFIX,
      "You are Claude Code, Anthropic's official CLI for Claude",
      "You are an agent for Claude Code, Anthropic's official CLI for Claude",
      "You are a Claude agent, built on Anthropic's Claude Agent SDK");

  private static final String LINE_START = "(?:(?<=[\\n\\r\\u2028\\u2029])|\\A)";
  private static final String LINE_END = "(?=[\\n\\r\\u2028\\u2029]|\\z)";
  private static final String LINE_CHAR = "[^\\n\\r\\u2028\\u2029]";

  private static final Pattern BILLING_HEADER_LINE = Pattern.compile(
      LINE_START + "x-anthropic-billing-header:" + LINE_CHAR + "*+(?:\\r\\n|[\\n\\r\\u2028\\u2029])?");
  private static final Pattern TRANSIENT_CONTEXT =
      Pattern.compile("<transient_context>[\\s\\S]*?</transient_context>");
  private static final Pattern GIT_STATUS_SECTION = Pattern.compile("gitStatus:[\\s\\S]*?(?:\\n\\n|\\z)");
  private static final Pattern GIT_STATUS_TAIL = Pattern.compile("gitStatus:[\\s\\S]*+");
  private static final Pattern STATUS_BLOCK =
      Pattern.compile(LINE_START + "Status:\\n(?:" + LINE_CHAR + "++\\n)*+");
  private static final Pattern CURRENT_BRANCH_LINE =
      Pattern.compile("\\n?" + LINE_START + "Current branch:" + LINE_CHAR + "*+" + LINE_END);
  private static final Pattern MAIN_BRANCH_LINE = Pattern.compile(
      "\\n?" + LINE_START + "Main branch" + LINE_CHAR + "*:" + LINE_CHAR + "*+" + LINE_END);
  private static final Pattern RECENT_COMMITS_BLOCK =
      Pattern.compile(LINE_START + "Recent commits:\\n(?:" + LINE_CHAR + "++\\n)*+");
  private static final Pattern THREE_OR_MORE_NEWLINES = Pattern.compile("\\n{3,}");

  private SystemPrompt() {
  }

  /** Returns the stable text, which is empty when nothing stable is left. */
  static String stabilize(String text, HashMode mode) {
    return mode == HashMode.ORIGINAL ? stabilizeOriginal(text) : stabilizeCurrent(text);
  }

  private static String stabilizeOriginal(String text) {
    if (jsTrim(text).startsWith(CLI_PREFIX)) {
      return CLI_PREFIX;
    }
    return cleanUp(text, GIT_STATUS_SECTION, "\n\n");
  }

  // The billing header carries the client version, and the git status now runs to the prompt's end.
  private static String stabilizeCurrent(String text) {
    String withoutHeader = BILLING_HEADER_LINE.matcher(text).replaceAll("");
    String trimmed = jsTrim(withoutHeader);
    for (String opening : CLAUDE_CODE_OPENINGS) {
      if (trimmed.startsWith(opening)) {
        return opening;
      }
    }
    return cleanUp(withoutHeader, GIT_STATUS_TAIL, "");
  }

  private static String cleanUp(String text, Pattern gitStatus, String gitStatusReplacement) {
    String stable = TRANSIENT_CONTEXT.matcher(text).replaceAll("");
    stable = ConversationText.stripReminders(stable);
    stable = gitStatus.matcher(stable).replaceAll(gitStatusReplacement);
    stable = STATUS_BLOCK.matcher(stable).replaceAll("");
    stable = CURRENT_BRANCH_LINE.matcher(stable).replaceAll("");
    stable = MAIN_BRANCH_LINE.matcher(stable).replaceAll("");
    stable = RECENT_COMMITS_BLOCK.matcher(stable).replaceAll("");
    stable = THREE_OR_MORE_NEWLINES.matcher(stable).replaceAll("\n\n");
    return jsTrim(stable);
  }
}
