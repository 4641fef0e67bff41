package dev.claudenexus.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.claudenexus.testsupport.claudecode.AssistantReply;
import dev.claudenexus.testsupport.claudecode.ClaudeCodeSession;
import dev.claudenexus.testsupport.claudecode.ToolCall;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolTurnsTest {

  @Test
  void outputCountMustMatchReplies() {
    ClaudeCodeSession session = ClaudeCodeSession.start("cnp_live_key", "project");
    List<AssistantReply> replies = List.of(
        AssistantReply.toolUse("", ToolCall.read("/a")), AssistantReply.text("done"));

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> ToolTurns.play(null, null, session, replies, List.of("one", "two")));

    assertEquals("2 replies need 1 tool outputs, got 2", error.getMessage());
  }
}
