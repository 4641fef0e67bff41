package dev.claudenexus.demo;

import dev.claudenexus.testsupport.anthropic.FakeReply;
import dev.claudenexus.testsupport.claudecode.AssistantReply;
import dev.claudenexus.testsupport.claudecode.ClaudeCodeSession;
import dev.claudenexus.testsupport.claudecode.Compaction;
import dev.claudenexus.testsupport.claudecode.ToolCall;

/**
 * A session that runs out of context: four turns, the summarising request of an auto-compaction,
 * then four requests of the compacted transcript, which the proxy puts on a {@code compact_} branch.
 * The last replies carry the rate-limit warning header, so the usage charts show warnings.
 */
final class CompactionScenario implements Scenario {

  /** The unified rate-limit status header of Claude subscriptions, and its warning value. */
  static final String RATE_LIMIT_STATUS = "anthropic-ratelimit-unified-status";

  static final String RATE_LIMIT_WARNING = "allowed_warning";

  private final String project;

  CompactionScenario(String projectSuffix) {
    this.project = "billing" + projectSuffix;
  }

  @Override
  public String title() {
    return "compaction with follow-ups (" + project + ")";
  }

  @Override
  public void play(ProxyTurns turns, DemoAccounts accounts) {
    DemoAccount account = accounts.solo();
    String sources = "/home/dev/" + project + "/billing/src/main/java/dev/example/billing/";
    ClaudeCodeSession session = ClaudeCodeSession.start(account.clientKey(), project);
    session.prompt("The November invoice for customer 40417 is one cent higher than the ledger."
        + " Find out why.");
    turns.turn(account, session, AssistantReply.toolUse("Reading how invoice totals are computed.",
        ToolCall.read(sources + "InvoiceTotals.java")));
    session.answerTools("27\t    return line.amount().setScale(2, RoundingMode.HALF_UP);");
    turns.turn(account, session, AssistantReply.text("Each line is rounded HALF_UP before the sum,"
        + " while the ledger rounds the sum once with HALF_EVEN. Which side should change?"));
    session.prompt("The ledger is right, change the invoice side.");
    turns.turn(account, session, AssistantReply.toolUse("Summing at full precision and rounding once.",
        ToolCall.edit(sources + "InvoiceTotals.java", "return line.amount().setScale(2, RoundingMode.HALF_UP);",
            "return line.amount();")));
    session.answerTools("The file InvoiceTotals.java has been updated.");
    turns.turn(account, session, AssistantReply.toolUse("Now the credit notes, which share the helper.",
        ToolCall.read(sources + "CreditNoteTotals.java")));
    session.answerTools("31\t    return Money.roundLine(line.amount());");

    AssistantReply summary = AssistantReply.text(Compaction.sampleResponse(project, session.sessionId()));
    turns.send(account, session.summarisingRequest(), summary.toFakeReply(session.model()), 200);
    session.compact(summary);
    for (int step = 1; step <= 4; step++) {
      session.replaceVolatileSystem("<system-reminder>\nContext used: " + (3 * step) + "%.\n</system-reminder>");
      AssistantReply reply = step < 4
          ? AssistantReply.toolUse("Continuing with the credit notes, step " + step + ".",
              ToolCall.bash("mvn -q -pl billing test -Dtest=CreditNoteTotalsTest#case" + step,
                  "Run credit note case " + step))
          : AssistantReply.text("Credit notes now round once, like invoices, and all credit note"
              + " tests pass. Money.roundLine() has no callers left; shall I remove it?");
      turns.turn(account, session, reply, step >= 3 ? withRateLimitWarning(reply, session) : reply
          .toFakeReply(session.model()));
      if (step < 4) {
        session.answerTools("Tests run: 1, Failures: 0 (case " + step + ")");
      }
    }
  }

  private static FakeReply withRateLimitWarning(AssistantReply reply, ClaudeCodeSession session) {
    return reply.toFakeReply(session.model()).toBuilder()
        .header(RATE_LIMIT_STATUS, RATE_LIMIT_WARNING)
        .build();
  }
}
