package dev.claudenexus.demo;

import dev.claudenexus.testsupport.claudecode.AssistantReply;
import dev.claudenexus.testsupport.claudecode.ClaudeCodeSession;
import dev.claudenexus.testsupport.claudecode.ToolCall;

/** A sub-agent of the {@code Task} tool of Claude Code 1.x, whose first request is its prompt alone. */
final class TaskScenario implements Scenario {

  private final String project;

  TaskScenario(String projectSuffix) {
    this.project = "schema-audit" + projectSuffix;
  }

  @Override
  public String title() {
    return "Task sub-agent (" + project + ")";
  }

  @Override
  public void play(ProxyTurns turns, DemoAccounts accounts) {
    DemoAccount account = accounts.team();
    ClaudeCodeSession session = ClaudeCodeSession.start(account.clientKey(), project).useTaskTool();
    session.prompt("Which tables in " + project + " have no primary key?");
    String prompt = "List every CREATE TABLE statement under /home/dev/" + project + "/db/migration"
        + " that declares no PRIMARY KEY, with the file and table name.";
    turns.turn(account, session, AssistantReply.toolUse("I'll hand the migration scan to an agent.",
        ToolCall.task("Find tables without keys", prompt)));

    ClaudeCodeSession task = session.startTask(prompt);
    turns.turn(account, task, AssistantReply.toolUse("",
        ToolCall.bash("grep -L 'PRIMARY KEY' db/migration/*.sql", "Find migrations without keys")));
    task.answerTools("db/migration/V7__audit_log.sql");
    turns.turn(account, task, AssistantReply.text("V7__audit_log.sql creates audit_log without a primary key."));

    session.answerTools("V7__audit_log.sql creates audit_log without a primary key.");
    turns.turn(account, session, AssistantReply.text("Only audit_log (V7__audit_log.sql) has no"
        + " primary key. Shall I add a migration that gives it one?"));
  }
}
