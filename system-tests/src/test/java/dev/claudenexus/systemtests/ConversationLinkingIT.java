package dev.claudenexus.systemtests;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.claudenexus.systemtests.ClaudeCodeClient.Sent;
import dev.claudenexus.testsupport.claudecode.AssistantReply;
import dev.claudenexus.testsupport.claudecode.ClaudeCodeSession;
import dev.claudenexus.testsupport.claudecode.Compaction;
import dev.claudenexus.testsupport.claudecode.ReminderStyle;
import dev.claudenexus.testsupport.claudecode.ToolCall;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * Scripted Claude Code 2.1 sessions sent through the running proxy, checked against the conversations
 * and branches a person would draw for them, request by request.
 *
 * <p>Each scenario works in its own project with its own prompts, because all scenarios share one
 * database and one domain. Requests are sent one after another as the CLI sends them: the next one
 * leaves as soon as the previous stream ended, without waiting for the storage writer. Each scenario
 * also checks how the stored {@code x-claude-code-session-id} agrees with the hash links.
 */
@ExtendWith(NexusServerExtension.class)
class ConversationLinkingIT {

  private static final DateTimeFormatter BRANCH_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
  private static final DateTimeFormatter COMPACT_TIME = DateTimeFormatter.ofPattern("HHmmss");
  /** Allowed distance between the time in a branch id and the stored request start. */
  private static final Duration BRANCH_TIME_TOLERANCE = Duration.ofSeconds(5);

  private final NexusServer server;
  private final ClaudeCodeClient client;
  private final StoredRequests stored;

  ConversationLinkingIT(NexusServer server) {
    this.server = server;
    this.client = new ClaudeCodeClient(server);
    this.stored = new StoredRequests(server);
  }

  /** Six turns of a tool loop whose injected system messages differ in every request. */
  @Test
  void toolLoopStaysOneChain() throws Exception {
    ClaudeCodeSession session = ClaudeCodeSession.start(server.clientKey, "invoice-rounding");
    session.prompt("The November invoice for customer 40417 is one cent higher than the ledger export."
        + " Find out why.");
    List<AssistantReply> replies = List.of(
        AssistantReply.toolUse("I'll start with how invoice totals are computed.",
            ToolCall.read("/home/dev/invoice-rounding/billing/src/main/java/dev/example/billing/InvoiceTotals.java")),
        AssistantReply.toolUse("Now the ledger side, to compare the rounding.",
            ToolCall.read("/home/dev/invoice-rounding/billing/src/main/java/dev/example/billing/LedgerExport.java")),
        AssistantReply.toolUse("Let me run the totals tests to see the current failure.",
            ToolCall.bash("mvn -q -pl billing test -Dtest=InvoiceTotalsTest", "Run the invoice totals tests")),
        AssistantReply.toolUse("Invoices round each line HALF_UP before summing; the ledger rounds once."
            + " I'll round once at the end.",
            ToolCall.edit("/home/dev/invoice-rounding/billing/src/main/java/dev/example/billing/InvoiceTotals.java",
                "return line.amount().setScale(2, RoundingMode.HALF_UP);", "return line.amount();")),
        AssistantReply.toolUse("Running the tests again.",
            ToolCall.bash("mvn -q -pl billing test -Dtest=InvoiceTotalsTest", "Run the invoice totals tests")),
        AssistantReply.text("Fixed. InvoiceTotals now sums unrounded line amounts and rounds the total once"
            + " with HALF_EVEN, as the ledger does; all 42 totals tests pass."));
    List<String> toolOutputs = List.of(
        "1\tpackage dev.example.billing;\n2\t\n3\tfinal class InvoiceTotals {",
        "1\tpackage dev.example.billing;\n2\t\n3\tfinal class LedgerExport {",
        "Tests run: 42, Failures: 1\nmixedRatesMatchLedger: expected 118.45 but was 118.46",
        "The file InvoiceTotals.java has been updated.",
        "Tests run: 42, Failures: 0");

    List<Sent> sent = new ArrayList<>();
    for (int turn = 0; turn < replies.size(); turn++) {
      session.replaceVolatileSystem("<system-reminder>\nContext used: " + (11 + 9 * turn)
          + "% of the window. Turn " + (turn + 1) + " of the invoice-rounding task.\n</system-reminder>");
      if (turn % 2 == 1) {
        session.injectSystem("PostToolUse hook: formatter checked " + (turn + 3) + " files, no changes.");
      }
      sent.add(client.turn(session, replies.get(turn)));
      if (turn < toolOutputs.size()) {
        session.answerTools(toolOutputs.get(turn));
      }
    }
    List<LinkRow> rows = rows(sent);

    assertStoredAsSent("tool loop", sent, rows);
    assertOneConversation("tool loop", rows);
    assertChain("tool loop", null, rows);
    assertBranches("tool loop", "main", rows);
    assertNoSubtask("tool loop", rows);
    assertSessionId("tool loop", session.sessionId(), rows);
  }

  /** The same user messages arrive as plain strings in one request and as block arrays in the next. */
  @Test
  void alternatingReminderFormsStayOneChain() throws Exception {
    ClaudeCodeSession session = ClaudeCodeSession.start(server.clientKey, "migration-checker");
    session.prompt("Check that every Flyway migration in migration-checker has a matching rollback note.");
    List<Sent> sent = new ArrayList<>();

    session.reminderStyle(ReminderStyle.BLOCKS);
    sent.add(client.turn(session, AssistantReply.toolUse("Listing the migrations first.",
        ToolCall.bash("ls src/main/resources/db/migration", "List migrations"))));
    session.answerToolsWithReminder("The todo list is empty. Use TodoWrite if the task has several steps.",
        "V1__init.sql\nV2__accounts.sql\nV3__ledger.sql");

    session.reminderStyle(ReminderStyle.STRING);
    sent.add(client.turn(session, AssistantReply.text("There are three migrations. Should I also check the"
        + " repeatable ones under db/repeatable?")));
    session.prompt("Yes, include the repeatable ones.", "The user opened db/repeatable/R__views.sql in the IDE.");

    session.reminderStyle(ReminderStyle.BLOCKS);
    sent.add(client.turn(session, AssistantReply.toolUse("Reading the rollback notes.",
        ToolCall.read("/home/dev/migration-checker/docs/rollback.md"))));
    session.answerToolsWithReminder("The file docs/rollback.md was modified by the user since it was last read.",
        "# Rollback notes\n- V1: drop schema\n- V2: drop table accounts");

    session.reminderStyle(ReminderStyle.STRING);
    sent.add(client.turn(session, AssistantReply.text("V3 and R__views have no rollback note. Add them?")));
    session.prompt("Add both, keep them short.", "The todo list has 2 open items.");

    session.reminderStyle(ReminderStyle.BLOCKS);
    sent.add(client.turn(session, AssistantReply.text("Added notes for V3 and R__views to docs/rollback.md.")));
    List<LinkRow> rows = rows(sent);

    assertStoredAsSent("reminders", sent, rows);
    assertOneConversation("reminders", rows);
    assertChain("reminders", null, rows);
    assertBranches("reminders", "main", rows);
    assertSessionId("reminders", session.sessionId(), rows);
  }

  /** The billing header's version changes twice in one session, as after client updates. */
  @Test
  void changingBillingHeaderStaysOneChain() throws Exception {
    ClaudeCodeSession session = ClaudeCodeSession.start(server.clientKey, "thumbnail-service");
    session.prompt("Thumbnails of portrait JPEGs come out rotated in thumbnail-service. Fix it.");
    List<Sent> sent = new ArrayList<>();
    List<String> versions = List.of("2.1.332.461", "2.1.332.461", "2.1.332.9fe", "2.1.333.0a2", "2.1.333.0a2");
    List<AssistantReply> replies = List.of(
        AssistantReply.toolUse("Let me find where images are decoded.",
            ToolCall.bash("grep -rn ImageIO.read src/main/java", "Find image decoding")),
        AssistantReply.toolUse("The EXIF orientation is ignored. Reading the decoder.",
            ToolCall.read("/home/dev/thumbnail-service/src/main/java/dev/example/thumbs/Decoder.java")),
        AssistantReply.toolUse("Applying the orientation tag before scaling.",
            ToolCall.edit("/home/dev/thumbnail-service/src/main/java/dev/example/thumbs/Decoder.java",
                "BufferedImage image = ImageIO.read(in);",
                "BufferedImage image = Orientation.apply(ImageIO.read(in), exif);")),
        AssistantReply.toolUse("Running the decoder tests.",
            ToolCall.bash("./gradlew test --tests '*DecoderTest'", "Run decoder tests")),
        AssistantReply.text("Portrait JPEGs are now rotated by their EXIF orientation before scaling."));
    List<String> outputs = List.of("src/main/java/dev/example/thumbs/Decoder.java:41: ImageIO.read(in)",
        "41\t    BufferedImage image = ImageIO.read(in);", "The file Decoder.java has been updated.",
        "BUILD SUCCESSFUL in 9s");

    for (int turn = 0; turn < replies.size(); turn++) {
      session.billingVersion(versions.get(turn));
      sent.add(client.turn(session, replies.get(turn)));
      if (turn < outputs.size()) {
        session.answerTools(outputs.get(turn));
      }
    }
    List<LinkRow> rows = rows(sent);

    assertStoredAsSent("billing header", sent, rows);
    assertOneConversation("billing header", rows);
    assertChain("billing header", null, rows);
    assertBranches("billing header", "main", rows);
    for (LinkRow row : rows) {
      assertEquals(rows.get(0).systemHash(), row.systemHash(),
          "billing header: the system hash ignores the billing header line, request " + row.requestId());
    }
    assertNotNull(rows.get(0).systemHash(), "billing header: the system prompt has a hash");
    assertSessionId("billing header", session.sessionId(), rows);
  }

  /** The user rewinds to an earlier prompt and sends a different one: the edit opens a branch. */
  @Test
  void userEditOpensBranch() throws Exception {
    ClaudeCodeSession session = ClaudeCodeSession.start(server.clientKey, "feed-parser");
    session.prompt("Parse the publication date of Atom entries in feed-parser.");
    Sent first = client.turn(session, AssistantReply.toolUse("Reading the entry mapper.",
        ToolCall.read("/home/dev/feed-parser/src/entry.rs")));
    session.answerTools("12\tpub fn map_entry(node: &Node) -> Entry {");
    Sent second = client.turn(session, AssistantReply.text("Entries read title and link only. Should the date"
        + " be the published or the updated element?"));
    ClaudeCodeSession rewound = session.copy();
    session.prompt("Use updated.");
    Sent third = client.turn(session, AssistantReply.toolUse("Adding the updated element.",
        ToolCall.edit("/home/dev/feed-parser/src/entry.rs", "title,",
            "title,\n        updated: date(node, \"updated\"),")));
    session.answerTools("The file src/entry.rs has been updated.");
    Sent fourth = client.turn(session, AssistantReply.text("Entries now carry the updated date."));

    rewound.prompt("Use published, and fall back to updated when it is missing.");
    Sent edit = client.turn(rewound, AssistantReply.toolUse("Adding published with a fallback.",
        ToolCall.edit("/home/dev/feed-parser/src/entry.rs", "title,",
            "title,\n        published: date(node, \"published\").or_else(|| date(node, \"updated\")),")));
    rewound.answerTools("The file src/entry.rs has been updated.");
    Sent afterEdit = client.turn(rewound, AssistantReply.text("Entries now carry published, or updated when"
        + " published is missing."));

    List<LinkRow> main = rows(List.of(first, second, third, fourth));
    LinkRow editRow = row(edit);
    LinkRow afterEditRow = row(afterEdit);
    List<LinkRow> all = new ArrayList<>(main);
    all.add(editRow);
    all.add(afterEditRow);

    assertStoredAsSent("edit", List.of(first, second, third, fourth, edit, afterEdit), all);
    assertOneConversation("edit", all);
    assertChain("edit", null, main);
    assertBranches("edit", "main", main);
    assertEquals(main.get(1).requestId(), editRow.parentRequestId(),
        "edit: the edited request continues the request before the replaced prompt");
    assertBranchOpened("edit", "branch_", BRANCH_TIME, editRow);
    assertEquals(editRow.requestId(), afterEditRow.parentRequestId(), "edit: the follow-up continues the edit");
    assertEquals(editRow.branchId(), afterEditRow.branchId(), "edit: the follow-up stays on the edit's branch");
    assertNoSubtask("edit", all);
    assertSessionId("edit", session.sessionId(), all);
  }

  /**
   * An auto-compaction: the summarising request, then the first request of the compacted transcript
   * {@code [user(summary), assistant(tool_use), user(tool_result)]} and five follow-ups.
   */
  @Test
  void compactionOpensCompactBranch() throws Exception {
    ClaudeCodeSession session = ClaudeCodeSession.start(server.clientKey, "billing");
    session.prompt("The November invoice for customer 40417 in billing is one cent off the ledger. Fix the"
        + " invoice side; the ledger is right.");
    List<Sent> before = new ArrayList<>();
    before.add(client.turn(session, AssistantReply.toolUse("Reading InvoiceTotals.",
        ToolCall.read("/home/dev/billing/src/main/java/dev/example/billing/InvoiceTotals.java"))));
    session.answerTools("27\t    return line.amount().setScale(2, RoundingMode.HALF_UP);");
    before.add(client.turn(session, AssistantReply.toolUse("Running the totals tests.",
        ToolCall.bash("mvn -q -pl billing test", "Run the billing tests"))));
    session.answerTools("mixedRatesMatchLedger: expected 118.45 but was 118.46");
    before.add(client.turn(session, AssistantReply.text("Each line is rounded before summing. Shall I round"
        + " only the total, with HALF_EVEN like the ledger?")));
    session.prompt("Yes. Keep the amounts on the PDF rounded, people read those, but the total must match.");
    before.add(client.turn(session, AssistantReply.toolUse("Now the credit notes, which share the helper.",
        ToolCall.read("/home/dev/billing/src/main/java/dev/example/billing/CreditNoteTotals.java"))));
    session.answerTools("31\t    return Money.roundLine(line.amount());");

    AssistantReply summary = AssistantReply.text(Compaction.sampleResponse("billing", session.sessionId()));
    Sent summarising = client.send(session.summarisingRequest(), summary, session.model());
    session.compact(summary);
    List<Sent> after = new ArrayList<>();
    for (int turn = 0; turn < 6; turn++) {
      session.replaceVolatileSystem("<system-reminder>\nContext used: " + (4 + 3 * turn) + "%.\n</system-reminder>");
      AssistantReply reply = AssistantReply.toolUse("Continuing with the credit notes, step " + (turn + 1) + ".",
          ToolCall.bash("mvn -q -pl billing test -Dtest=CreditNoteTotalsTest#case" + turn,
              "Run credit note case " + turn));
      after.add(client.turn(session, reply));
      session.answerTools("Tests run: 1, Failures: 0 (case " + turn + ")");
    }

    List<LinkRow> beforeRows = rows(before);
    LinkRow summarisingRow = row(summarising);
    List<LinkRow> afterRows = rows(after);
    List<LinkRow> all = new ArrayList<>(beforeRows);
    all.add(summarisingRow);
    all.addAll(afterRows);
    List<Sent> allSent = new ArrayList<>(before);
    allSent.add(summarising);
    allSent.addAll(after);

    assertStoredAsSent("compaction", allSent, all);
    assertOneConversation("compaction", all);
    assertChain("compaction", null, beforeRows);
    assertBranches("compaction", "main", beforeRows);
    assertEquals(beforeRows.get(3).requestId(), summarisingRow.parentRequestId(),
        "compaction: the summarising request continues the last request before it");
    assertEquals("main", summarisingRow.branchId(), "compaction: the summarising request stays on main");
    assertEquals(summarisingRow.requestId(), afterRows.get(0).parentRequestId(),
        "compaction: the first compacted request continues the summarising request");
    assertBranchOpened("compaction", "compact_", COMPACT_TIME, afterRows.get(0));
    assertChain("compaction", summarisingRow.requestId(), afterRows);
    assertBranches("compaction", afterRows.get(0).branchId(), afterRows);
    assertNoSubtask("compaction", all);
    assertSessionId("compaction", session.sessionId(), all);
  }

  /**
   * One reply launches two {@code Agent} sub-agents with the same prompt, as Claude Code runs parallel
   * tool calls of one reply. Their first requests are byte-identical, so no hash can tell which
   * follow-up belongs to which. Both first requests become distinct {@code subtask_} branches. The
   * first follow-up sent (agent A's) continues the newest first request, agent B's, and takes its
   * branch. Agent B's follow-up has the same parent hash. That parent already has a child, so it
   * opens a {@code branch_} instead of joining A's chain. The second follow-ups continue their own chains.
   */
  @Test
  void identicalAgentSubAgentsGetDistinctBranches() throws Exception {
    ClaudeCodeSession session = ClaudeCodeSession.start(server.clientKey, "csv-import");
    session.prompt("I want two independent reviews of the CSV importer in csv-import for rounding bugs.");
    String prompt = "Review src/main/java/dev/example/csv/CsvImporter.java in /home/dev/csv-import for"
        + " rounding of money amounts. Report each place where an amount is rounded, with the line and"
        + " the rounding mode, and say whether it can lose a cent.";
    AssistantReply launch = AssistantReply.toolUse("I'll start two reviewers with the same brief.",
        ToolCall.agent("Review CSV rounding", prompt), ToolCall.agent("Review CSV rounding", prompt));
    Sent parent = client.turn(session, launch);

    ClaudeCodeSession agentA = session.startAgent(prompt);
    ClaudeCodeSession agentB = session.startAgent(prompt);
    Sent a1 = client.turn(agentA, AssistantReply.toolUse("",
        ToolCall.bash("grep -n setScale src/main/java/dev/example/csv/CsvImporter.java", "Find rounding")));
    Sent b1 = client.turn(agentB, AssistantReply.toolUse("",
        ToolCall.read("/home/dev/csv-import/src/main/java/dev/example/csv/CsvImporter.java")));
    agentA.answerTools("88:        return amount.setScale(2, RoundingMode.HALF_UP);");
    Sent a2 = client.turn(agentA, AssistantReply.toolUse("One call site; checking its callers.",
        ToolCall.bash("grep -rn parseAmount src/main/java", "Find callers")));
    agentB.answerTools("85\t  BigDecimal parseAmount(String text) {\n"
        + "88\t    return amount.setScale(2, RoundingMode.HALF_UP);");
    Sent b2 = client.turn(agentB, AssistantReply.toolUse("Checking the tests for this method.",
        ToolCall.read("/home/dev/csv-import/src/test/java/dev/example/csv/CsvImporterTest.java")));
    agentA.answerTools("CsvImporter.java:52: total = total.add(parseAmount(cell));");
    Sent a3 = client.turn(agentA, AssistantReply.text("Report A: CsvImporter.java:88 rounds each cell HALF_UP"
        + " before line 52 sums them; this can lose a cent."));
    agentB.answerTools("No test covers amounts with more than two decimals.");
    Sent b3 = client.turn(agentB, AssistantReply.text("Report B: parseAmount (line 88) rounds HALF_UP per cell;"
        + " no test covers three decimals."));
    session.answerTools("Report A: rounding per cell at line 88 can lose a cent.",
        "Report B: parseAmount rounds per cell; untested for three decimals.");
    Sent parentAfter = client.turn(session, AssistantReply.text("Both reviews agree: line 88 rounds each cell"
        + " before summing."));

    LinkRow parentRow = row(parent);
    LinkRow a1Row = row(a1);
    LinkRow b1Row = row(b1);
    LinkRow a2Row = row(a2);
    LinkRow b2Row = row(b2);
    LinkRow a3Row = row(a3);
    LinkRow b3Row = row(b3);
    LinkRow parentAfterRow = row(parentAfter);
    List<LinkRow> all = List.of(parentRow, a1Row, b1Row, a2Row, b2Row, a3Row, b3Row, parentAfterRow);

    assertStoredAsSent("agents", List.of(parent, a1, b1, a2, b2, a3, b3, parentAfter), all);
    assertOneConversation("agents", all);
    assertEquals("main", parentRow.branchId(), "agents: the launching request is on main");
    assertFalse(parentRow.subtask(), "agents: the launching request is no sub-task");
    for (LinkRow first : List.of(a1Row, b1Row)) {
      assertSubtaskStart("agents", parentRow, first);
    }
    assertNotEquals(a1Row.branchId(), b1Row.branchId(), "agents: the two sub-agents get distinct branches");

    assertEquals(b1Row.requestId(), a2Row.parentRequestId(),
        "agents: A's first follow-up continues the newest identical first request, B's");
    assertEquals(b1Row.branchId(), a2Row.branchId(), "agents: A's first follow-up takes that request's branch");
    assertEquals(b1Row.requestId(), b2Row.parentRequestId(),
        "agents: B's first follow-up has the same parent hash and continues the same request");
    assertBranchOpened("agents", "branch_", BRANCH_TIME, b2Row);
    assertEquals(a2Row.requestId(), a3Row.parentRequestId(), "agents: A's second follow-up continues A's chain");
    assertEquals(a2Row.branchId(), a3Row.branchId(), "agents: A's second follow-up stays on A's branch");
    assertEquals(b2Row.requestId(), b3Row.parentRequestId(), "agents: B's second follow-up continues B's chain");
    assertEquals(b2Row.branchId(), b3Row.branchId(), "agents: B's second follow-up stays on B's branch");
    // All follow-ups are sub-agent work, including the chain that had to open a branch_.
    Map<String, LinkRow> followUps = new LinkedHashMap<>();
    followUps.put("A's first follow-up (request 4)", a2Row);
    followUps.put("B's first follow-up (request 5)", b2Row);
    followUps.put("A's second follow-up (request 6)", a3Row);
    followUps.put("B's second follow-up (request 7)", b3Row);
    List<Executable> checks = new ArrayList<>();
    followUps.forEach((name, followUp) -> {
      checks.add(() -> assertTrue(followUp.subtask(), "agents: " + name + " is a sub-task in" + describe(all)));
      checks.add(() -> assertEquals(parentRow.requestId(), followUp.parentTaskRequestId(),
          "agents: " + name + " names the launching request in" + describe(all)));
    });
    assertAll(checks);

    assertEquals(parentRow.requestId(), parentAfterRow.parentRequestId(),
        "agents: the main agent's next request continues the launching request");
    assertEquals("main", parentAfterRow.branchId(), "agents: the main agent stays on main");
    assertFalse(parentAfterRow.subtask(), "agents: the main agent's next request is no sub-task");
    assertSessionId("agents", session.sessionId(), all);
  }

  /** A Claude Code 1.x {@code Task} sub-agent, whose first request is the prompt alone. */
  @Test
  void taskSubAgentGetsSubtaskBranch() throws Exception {
    ClaudeCodeSession session = ClaudeCodeSession.start(server.clientKey, "schema-audit").useTaskTool();
    session.prompt("Which tables in schema-audit have no primary key?");
    String prompt = "List every CREATE TABLE statement under /home/dev/schema-audit/db/migration that"
        + " declares no PRIMARY KEY, with file name and table name.";
    Sent parent = client.turn(session, AssistantReply.toolUse("I'll hand the migration scan to an agent.",
        ToolCall.task("Find tables without keys", prompt)));
    ClaudeCodeSession task = session.startTask(prompt);
    Sent t1 = client.turn(task, AssistantReply.toolUse("", ToolCall.bash("grep -L 'PRIMARY KEY' db/migration/*.sql",
        "Find migrations without keys")));
    task.answerTools("db/migration/V7__audit_log.sql");
    Sent t2 = client.turn(task, AssistantReply.text("V7__audit_log.sql creates audit_log without a primary key."));
    session.answerTools("V7__audit_log.sql creates audit_log without a primary key.");
    Sent parentAfter = client.turn(session, AssistantReply.text("Only audit_log (V7) lacks a primary key."));

    LinkRow parentRow = row(parent);
    LinkRow t1Row = row(t1);
    LinkRow t2Row = row(t2);
    LinkRow parentAfterRow = row(parentAfter);
    List<LinkRow> all = List.of(parentRow, t1Row, t2Row, parentAfterRow);

    assertStoredAsSent("task", List.of(parent, t1, t2, parentAfter), all);
    assertOneConversation("task", all);
    assertSubtaskStart("task", parentRow, t1Row);
    assertEquals(t1Row.requestId(), t2Row.parentRequestId(), "task: the follow-up continues the sub-agent");
    assertEquals(t1Row.branchId(), t2Row.branchId(), "task: the follow-up stays on the sub-task branch");
    assertTrue(t2Row.subtask(), "task: the follow-up is a sub-task");
    assertEquals(parentRow.requestId(), t2Row.parentTaskRequestId(), "task: the follow-up names the launching request");
    assertEquals(parentRow.requestId(), parentAfterRow.parentRequestId(), "task: the main agent continues");
    assertEquals("main", parentAfterRow.branchId(), "task: the main agent stays on main");
    assertFalse(parentAfterRow.subtask(), "task: the main agent's next request is no sub-task");
    assertSessionId("task", session.sessionId(), all);
  }

  /** The captured tool loop: its opening turn (the first two messages), then the captured body whole. */
  @Test
  void capturedToolLoopIsOneConversation() throws Exception {
    JsonObject capture = capture("claude-code-2.1.332_tool-loop_turn2.json");
    JsonObject body = capture.getJsonObject("body");
    JsonArray messages = body.getJsonArray("messages");
    Map<String, String> headers = new LinkedHashMap<>();
    capture.getJsonObject("headers").forEach((name, value) -> headers.put(name, ((JsonString) value).getString()));
    JsonObject opening = Json.createObjectBuilder(body)
        .add("messages", Json.createArrayBuilder().add(messages.get(0)).add(messages.get(1)))
        .build();
    JsonObject readCall = messages.getJsonObject(2).getJsonArray("content").getJsonObject(1);
    AssistantReply openingReply = AssistantReply.toolUse("Hi there! This is a fake reply",
        new ToolCall(readCall.getString("id"), readCall.getString("name"), readCall.getJsonObject("input")));
    assertEquals(messages.getJsonObject(2).getJsonArray("content"), openingReply.content(),
        "capture: the scripted reply is the assistant message the capture carries");

    String target = capture.getString("path");
    String model = body.getString("model");
    Sent first = client.send(target, headers, opening.toString(), openingReply, model);
    Sent whole = client.send(target, headers, body.toString(),
        AssistantReply.text("The file says: hello from a local file"), model);
    List<LinkRow> rows = rows(List.of(first, whole));

    assertStoredAsSent("capture", List.of(first, whole), rows);
    assertOneConversation("capture", rows);
    assertChain("capture", null, rows);
    assertBranches("capture", "main", rows);
    assertSessionId("capture", headers.get("x-claude-code-session-id"), rows);
  }

  /** Two sessions in the same project whose transcripts differ from the first prompt on, sent interleaved. */
  @Test
  void differentSessionsNeverMerge() throws Exception {
    ClaudeCodeSession first = ClaudeCodeSession.start(server.clientKey, "report-export");
    ClaudeCodeSession second = ClaudeCodeSession.start(server.clientKey, "report-export");
    first.prompt("Export the monthly report of report-export as CSV as well as PDF.");
    second.prompt("Export the monthly report of report-export as XLSX as well as PDF.");
    List<Sent> firstSent = new ArrayList<>();
    List<Sent> secondSent = new ArrayList<>();
    for (int turn = 0; turn < 3; turn++) {
      for (ClaudeCodeSession session : List.of(first, second)) {
        AssistantReply reply = AssistantReply.toolUse("Looking at the exporter, step " + (turn + 1) + ".",
            ToolCall.read("/home/dev/report-export/src/main/java/dev/example/report/Exporter.java"));
        (session == first ? firstSent : secondSent).add(client.turn(session, reply));
        session.answerTools("1\tpackage dev.example.report;");
      }
    }
    List<LinkRow> firstRows = rows(firstSent);
    List<LinkRow> secondRows = rows(secondSent);

    assertStoredAsSent("first session", firstSent, firstRows);
    assertStoredAsSent("second session", secondSent, secondRows);
    assertOneConversation("first session", firstRows);
    assertOneConversation("second session", secondRows);
    assertNotEquals(firstRows.get(0).conversationId(), secondRows.get(0).conversationId(),
        "sessions with different transcripts are different conversations");
    assertChain("first session", null, firstRows);
    assertChain("second session", null, secondRows);
    assertBranches("first session", "main", firstRows);
    assertBranches("second session", "main", secondRows);
    assertSessionId("first session", first.sessionId(), firstRows);
    assertSessionId("second session", second.sessionId(), secondRows);
  }

  /**
   * A session forked from another ({@code claude --resume --fork-session}) re-sends the same transcript
   * under a new session id, so both are byte-identical up to the fork. The fork's first request shares
   * the prefix and, because the original already continued from there, opens a {@code branch_}.
   */
  @Test
  void forkedSessionBranchesAtDivergence() throws Exception {
    ClaudeCodeSession original = ClaudeCodeSession.start(server.clientKey, "rate-limiter");
    original.prompt("Explain how rate-limiter refills its token buckets.");
    Sent o1 = client.turn(original, AssistantReply.toolUse("Reading the bucket.",
        ToolCall.read("/home/dev/rate-limiter/src/bucket.go")));
    original.answerTools("14\tfunc (b *Bucket) refill(now time.Time) {");
    Sent o2 = client.turn(original, AssistantReply.text("Buckets refill lazily: each take() adds tokens for the"
        + " time since the last refill, capped at the burst size."));
    ClaudeCodeSession fork = original.fork();
    original.prompt("Make the refill use a monotonic clock.");
    Sent o3 = client.turn(original, AssistantReply.toolUse("Switching to the monotonic reading.",
        ToolCall.edit("/home/dev/rate-limiter/src/bucket.go", "time.Now()", "b.clock.Now()")));
    fork.prompt("Add a metric for rejected takes instead.");
    Sent f1 = client.turn(fork, AssistantReply.toolUse("Adding a counter.",
        ToolCall.edit("/home/dev/rate-limiter/src/bucket.go", "return false", "rejected.Inc()\n\treturn false")));
    original.answerTools("The file src/bucket.go has been updated.");
    Sent o4 = client.turn(original, AssistantReply.text("Refill now uses the injected monotonic clock."));
    fork.answerTools("The file src/bucket.go has been updated.");
    Sent f2 = client.turn(fork, AssistantReply.text("Rejected takes are counted in rate_limiter_rejected_total."));

    List<LinkRow> originalRows = rows(List.of(o1, o2, o3, o4));
    List<LinkRow> forkRows = rows(List.of(f1, f2));
    List<LinkRow> all = new ArrayList<>(originalRows);
    all.addAll(forkRows);

    assertStoredAsSent("fork", List.of(o1, o2, o3, o4, f1, f2), all);
    assertOneConversation("fork", all);
    assertChain("fork", null, originalRows);
    assertBranches("fork", "main", originalRows);
    assertEquals(originalRows.get(1).requestId(), forkRows.get(0).parentRequestId(),
        "fork: the fork's first request continues the shared prefix");
    assertBranchOpened("fork", "branch_", BRANCH_TIME, forkRows.get(0));
    assertChain("fork", originalRows.get(1).requestId(), forkRows);
    assertBranches("fork", forkRows.get(0).branchId(), forkRows);
    assertSessionId("fork original", original.sessionId(), originalRows);
    assertSessionId("fork", fork.sessionId(), forkRows);
  }

  private List<LinkRow> rows(List<Sent> sent) throws Exception {
    List<LinkRow> rows = new ArrayList<>();
    for (Sent request : sent) {
      rows.add(row(request));
    }
    return rows;
  }

  /** Waits for the stored row of a request and for its conversation link. */
  private LinkRow row(Sent sent) throws Exception {
    stored.await(sent.requestId());
    long deadline = System.nanoTime() + NexusServer.rowTimeout().toNanos();
    LinkRow row = LinkRow.of(stored.find(sent.requestId()));
    while (row.conversationId() == null && System.nanoTime() < deadline) {
      Thread.sleep(100);
      row = LinkRow.of(stored.find(sent.requestId()));
    }
    return row;
  }

  private static JsonObject capture(String name) throws Exception {
    try (InputStream in = ConversationLinkingIT.class.getResourceAsStream("/captures/" + name);
        JsonReader reader = Json.createReader(in)) {
      return reader.readObject();
    }
  }

  /** Checks what every row stores independently of the links: type, mode, message count and session id. */
  private static void assertStoredAsSent(String scenario, List<Sent> sent, List<LinkRow> rows) {
    for (int i = 0; i < rows.size(); i++) {
      LinkRow row = rows.get(i);
      String request = scenario + " request " + (i + 1) + " (" + row.requestId() + ")";
      assertNotNull(row.conversationId(), request + ": has a conversation");
      assertEquals("inference", row.requestType(), request + ": request type");
      assertEquals("current", row.hashMode(), request + ": hash mode");
      assertEquals(sent.get(i).messageCount(), row.messageCount(),
          request + ": message count, injected messages included");
      assertEquals(sent.get(i).sessionId(), row.sessionId(), request + ": stored session id");
    }
  }

  private static void assertOneConversation(String scenario, List<LinkRow> rows) {
    Set<UUID> conversations = rows.stream().map(LinkRow::conversationId).collect(Collectors.toSet());
    assertEquals(1, conversations.size(), () -> scenario + ": one conversation, got " + describe(rows));
  }

  /** Checks that each row continues the one before it, and the first row continues {@code firstParent}. */
  private static void assertChain(String scenario, UUID firstParent, List<LinkRow> rows) {
    UUID expected = firstParent;
    for (int i = 0; i < rows.size(); i++) {
      LinkRow row = rows.get(i);
      UUID parent = expected;
      int number = i + 1;
      assertEquals(parent, row.parentRequestId(),
          () -> scenario + ": parent of request " + number + " in " + describe(rows));
      expected = row.requestId();
    }
  }

  private static void assertBranches(String scenario, String branch, List<LinkRow> rows) {
    for (int i = 0; i < rows.size(); i++) {
      int number = i + 1;
      assertEquals(branch, rows.get(i).branchId(), () -> scenario + ": branch of request " + number
          + " in " + describe(rows));
    }
  }

  private static void assertNoSubtask(String scenario, List<LinkRow> rows) {
    for (LinkRow row : rows) {
      assertFalse(row.subtask(), scenario + ": request " + row.requestId() + " is no sub-task");
      assertNull(row.parentTaskRequestId(), scenario + ": request " + row.requestId() + " names no task");
    }
  }

  private static void assertSessionId(String scenario, String sessionId, List<LinkRow> rows) {
    for (LinkRow row : rows) {
      assertEquals(sessionId, row.sessionId(), scenario + ": session id of request " + row.requestId());
    }
  }

  private static void assertSubtaskStart(String scenario, LinkRow launching, LinkRow first) {
    String request = scenario + ": sub-agent request " + first.requestId();
    assertTrue(String.valueOf(first.branchId()).matches("subtask_\\d+"),
        request + " is on a subtask_<n> branch, got " + first.branchId());
    assertTrue(first.subtask(), request + " is a sub-task");
    assertEquals(launching.requestId(), first.parentTaskRequestId(), request + " names the launching request");
    assertEquals(launching.requestId(), first.parentRequestId(), request + " continues the launching request");
  }

  /** Checks that the row's branch is {@code prefix} plus its request time in UTC, within a tolerance. */
  private static void assertBranchOpened(String scenario, String prefix, DateTimeFormatter format, LinkRow row) {
    String branch = row.branchId();
    String digits = format == BRANCH_TIME ? "\\d{14}" : "\\d{6}";
    assertTrue(String.valueOf(branch).matches(prefix + digits),
        scenario + ": request " + row.requestId() + " opens a " + prefix + " branch, got " + branch);
    String time = branch.substring(prefix.length());
    Instant stamped;
    if (format == BRANCH_TIME) {
      stamped = LocalDateTime.parse(time, format).toInstant(ZoneOffset.UTC);
    } else {
      LocalTime clock = LocalTime.parse(time, format);
      stamped = row.timestamp().atOffset(ZoneOffset.UTC).with(clock).toInstant();
    }
    Duration distance = Duration.between(stamped, row.timestamp()).abs();
    if (distance.compareTo(Duration.ofHours(12)) > 0) {
      distance = Duration.ofDays(1).minus(distance);
    }
    assertTrue(distance.compareTo(BRANCH_TIME_TOLERANCE) <= 0, scenario + ": branch " + branch
        + " carries the request time in UTC, stored " + row.timestamp());
  }

  private static String describe(List<LinkRow> rows) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < rows.size(); i++) {
      LinkRow row = rows.get(i);
      text.append("\n  ").append(i + 1).append(": ").append(row.requestId())
          .append(" conversation=").append(row.conversationId())
          .append(" branch=").append(row.branchId())
          .append(" parent=").append(row.parentRequestId())
          .append(" subtask=").append(row.subtask());
    }
    return text.toString();
  }
}
