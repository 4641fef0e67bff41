package dev.claudenexus.demo;

import dev.claudenexus.testsupport.claudecode.AssistantReply;
import dev.claudenexus.testsupport.claudecode.ClaudeCodeSession;
import java.util.List;

/** Plays a run of replies in which each tool call gets its output before the next request. */
final class ToolTurns {

  private ToolTurns() {}

  /**
   * Sends one request per reply. After each reply but the last, the session returns the next output
   * as the result of its tool calls. Before each request, a system reminder reports how full the context is,
   * as Claude Code injects one that changes every turn.
   *
   * @param outputs one tool output per reply except the last, in order
   */
  static void play(ProxyTurns turns, DemoAccount account, ClaudeCodeSession session,
      List<AssistantReply> replies, List<String> outputs) {
    if (outputs.size() != replies.size() - 1) {
      throw new IllegalArgumentException(replies.size() + " replies need " + (replies.size() - 1)
          + " tool outputs, got " + outputs.size());
    }
    for (int turn = 0; turn < replies.size(); turn++) {
      session.replaceVolatileSystem("<system-reminder>\nContext used: " + (8 + 7 * turn)
          + "% of the window.\n</system-reminder>");
      turns.turn(account, session, replies.get(turn));
      if (turn < outputs.size()) {
        session.answerTools(outputs.get(turn));
      }
    }
  }
}
