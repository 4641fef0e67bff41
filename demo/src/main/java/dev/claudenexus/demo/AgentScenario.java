package dev.claudenexus.demo;

import dev.claudenexus.testsupport.claudecode.AssistantReply;
import dev.claudenexus.testsupport.claudecode.ClaudeCodeSession;
import dev.claudenexus.testsupport.claudecode.ToolCall;

/**
 * One reply that starts two sub-agents with the {@code Agent} tool of Claude Code 2.x. Each works in
 * its own transcript; the proxy puts each on a {@code subtask_} branch that names the launching
 * request. The main agent then continues with both reports.
 */
final class AgentScenario implements Scenario {

  private final String project;

  AgentScenario(String projectSuffix) {
    this.project = "csv-import" + projectSuffix;
  }

  @Override
  public String title() {
    return "two Agent sub-agents (" + project + ")";
  }

  @Override
  public void play(ProxyTurns turns, DemoAccounts accounts) {
    DemoAccount account = accounts.team();
    String root = "/home/dev/" + project + "/";
    ClaudeCodeSession session = ClaudeCodeSession.start(account.clientKey(), project);
    session.prompt("Imports of large CSV files in " + project + " got slow and sometimes lose a cent."
        + " Look into both.");
    String speedPrompt = "Profile why importing src/test/resources/large.csv (200,000 rows) in " + root
        + " takes over a minute. Report the slowest call with its file and line.";
    String centPrompt = "Find where money amounts are rounded in " + root + "src/main/java and say"
        + " which rounding can lose a cent. Report file, line and rounding mode.";
    turns.turn(account, session, AssistantReply.toolUse("I'll give each question its own agent.",
        ToolCall.agent("Profile slow import", speedPrompt), ToolCall.agent("Find lost cent", centPrompt)));

    ClaudeCodeSession speed = session.startAgent(speedPrompt);
    turns.turn(account, speed, AssistantReply.toolUse("",
        ToolCall.bash("java -XX:+UnlockDiagnosticVMOptions -jar build/import.jar --profile large.csv",
            "Profile the import")));
    speed.answerTools("62% CsvImporter.lookupCustomer (CsvImporter.java:118), one query per row");
    turns.turn(account, speed, AssistantReply.text("The slowest call is CsvImporter.lookupCustomer"
        + " (CsvImporter.java:118): one database query per row, 200,000 in total."));

    ClaudeCodeSession cent = session.startAgent(centPrompt);
    turns.turn(account, cent, AssistantReply.toolUse("",
        ToolCall.bash("grep -rn setScale " + root + "src/main/java", "Find rounding")));
    cent.answerTools("src/main/java/dev/example/csv/CsvImporter.java:88: amount.setScale(2, RoundingMode.HALF_UP)");
    turns.turn(account, cent, AssistantReply.text("CsvImporter.java:88 rounds every cell HALF_UP"
        + " before the amounts are summed, which can lose a cent on files with many rows."));

    session.answerTools("lookupCustomer (CsvImporter.java:118) queries once per row.",
        "CsvImporter.java:88 rounds each cell HALF_UP before summing.");
    turns.turn(account, session, AssistantReply.text("Both found: the import queries the customer"
        + " table once per row (line 118), and line 88 rounds each cell before summing. I suggest"
        + " loading customers once per file and rounding only the total."));
  }
}
