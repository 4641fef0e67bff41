package dev.claudenexus.demo;

import dev.claudenexus.testsupport.anthropic.ApiErrors;
import dev.claudenexus.testsupport.claudecode.AssistantReply;
import dev.claudenexus.testsupport.claudecode.ClaudeCodeSession;
import dev.claudenexus.testsupport.claudecode.ToolCall;

/**
 * A session whose second request fails upstream: the API rejects it as too long with 400, which the
 * proxy returns to the client without retrying and stores as a failed request.
 */
final class FailedRequestScenario implements Scenario {

  static final String ERROR_MESSAGE = "prompt is too long: 215318 tokens > 200000 maximum";

  private final String project;

  FailedRequestScenario(String projectSuffix) {
    this.project = "release-notes" + projectSuffix;
  }

  @Override
  public String title() {
    return "failed request (" + project + ")";
  }

  @Override
  public void play(ProxyTurns turns, DemoAccounts accounts) {
    DemoAccount account = accounts.solo();
    ClaudeCodeSession session = ClaudeCodeSession.start(account.clientKey(), project);
    session.prompt("Write release notes for " + project + " from every commit since the last tag.");
    turns.turn(account, session, AssistantReply.toolUse("Collecting the commits first.",
        ToolCall.bash("git log --patch $(git describe --tags --abbrev=0)..HEAD", "Show commits since the tag")));
    session.answerTools("commit 5f2c1e0 Handle empty input in the importer\n(4,812 more commits with"
        + " their full diffs follow)");
    turns.send(account, session.request(), ApiErrors.reply(400, "invalid_request_error", ERROR_MESSAGE), 400);
  }
}
