package dev.claudenexus.demo;

import dev.claudenexus.testsupport.claudecode.AssistantReply;
import dev.claudenexus.testsupport.claudecode.ClaudeCodeSession;
import dev.claudenexus.testsupport.claudecode.ToolCall;
import java.util.List;

/**
 * A session whose prompt and replies quote HTML with a script element. The dashboard must show the
 * markup as text, so this session is where a page that renders stored text as HTML would show it.
 */
final class MarkupPromptScenario implements Scenario {

  static final String MARKUP = "<script>alert(1)</script>";

  private final String project;

  MarkupPromptScenario(String projectSuffix) {
    this.project = "comment-widget" + projectSuffix;
  }

  @Override
  public String title() {
    return "prompt with HTML markup (" + project + ")";
  }

  @Override
  public void play(ProxyTurns turns, DemoAccounts accounts) {
    DemoAccount account = accounts.solo();
    String preview = "/home/dev/" + project + "/src/preview.js";
    ClaudeCodeSession session = ClaudeCodeSession.start(account.clientKey(), project);
    session.prompt("A comment that contains " + MARKUP + " pops up an alert in the preview pane of "
        + project + ". Make the preview show the comment exactly as typed.");
    List<AssistantReply> replies = List.of(
        AssistantReply.toolUse("Reading how the preview inserts the comment.", ToolCall.read(preview)),
        AssistantReply.toolUse("The preview assigns the comment to innerHTML, so " + MARKUP
            + " runs. Switching to textContent.",
            ToolCall.edit(preview, "pane.innerHTML = comment;", "pane.textContent = comment;")),
        AssistantReply.text("The preview now sets textContent, so " + MARKUP + " appears as text and"
            + " no script runs."));
    List<String> outputs = List.of(
        "12\tfunction showPreview(pane, comment) {\n13\t  pane.innerHTML = comment;\n14\t}",
        "The file src/preview.js has been updated.");
    ToolTurns.play(turns, account, session, replies, outputs);
  }
}
