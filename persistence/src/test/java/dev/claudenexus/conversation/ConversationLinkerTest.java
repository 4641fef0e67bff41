package dev.claudenexus.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConversationLinkerTest {

  private static final String DOMAIN = "team.example.com";
  private static final String SUMMARY = "1. Primary Request and Intent: the user asked for a storage"
      + " writer that links conversations. 2. Key Technical Concepts: message hashes, branches,"
      + " compaction. 3. Files and Code Sections: RecordLinker.java, RecentLinks.java.";

  private final ConversationLinker linker =
      new ConversationLinker(HashMode.CURRENT, Duration.ofHours(24), false);
  private final RecentLinks recent = new RecentLinks(1_000);
  private Instant clock = Instant.parse("2026-11-30T09:15:00Z");
  private UUID lastId;

  /** Links a request one second after the previous one and remembers it as the writer does. */
  private ConversationLink send(JsonObject body, JsonObject response) {
    clock = clock.plusSeconds(1);
    UUID id = UUID.randomUUID();
    lastId = id;
    ConversationLink link =
        linker.link(new LinkRequest(id, DOMAIN, clock, body, true, null), recent);
    String text = ResponseContent.lowerCaseText(response);
    recent.remember(new LinkedRequest(id, DOMAIN, clock, link.conversationId(), link.branchId(),
            link.hashes().currentMessageHash(), link.hashes().parentMessageHash(),
            link.hashes().systemHash(), link.subtask(), link.parentTaskRequestId()),
        link, ResponseContent.taskInvocations(response, id, DOMAIN, clock),
        CompactSummary.isSummaryResponse(text) ? text : null);
    return link;
  }

  private ConversationLink send(Bodies conversation, JsonObject response) {
    return send(conversation.request(), response);
  }

  private ConversationLink send(Bodies conversation) {
    return send(conversation.request(), Bodies.textResponse("ok"));
  }

  @Test
  void firstRequestStartsConversationOnMain() {
    ConversationLink link = send(Bodies.conversation().user("Add a health check"));

    assertThat(link.conversationId()).isNotNull();
    assertThat(link.branchId()).isEqualTo("main");
    assertThat(link.parentRequestId()).isNull();
  }

  @Test
  void continuationLinksToPreviousTurn() {
    Bodies chat = Bodies.conversation().user("Add a health check");
    ConversationLink first = send(chat);
    ConversationLink second = send(chat.assistant("Done.").user("Now add a readiness check"));

    assertThat(second.conversationId()).isEqualTo(first.conversationId());
    assertThat(second.branchId()).isEqualTo("main");
    assertThat(second.parentRequestId()).isNotNull();
  }

  @Test
  void resentPrefixOpensTimestampedBranch() {
    Bodies chat = Bodies.conversation().user("Add a health check");
    ConversationLink first = send(chat);
    send(chat.copy().assistant("Done.").user("Now add a readiness check"));
    ConversationLink edited = send(chat.copy().assistant("Done.").user("Now add a liveness check"));

    assertThat(edited.conversationId()).isEqualTo(first.conversationId());
    assertThat(edited.branchId()).isEqualTo("branch_20261130091503");
  }

  @Test
  void followUpOnBranchStaysOnBranch() {
    Bodies chat = Bodies.conversation().user("Add a health check");
    send(chat);
    send(chat.copy().assistant("Done.").user("Now add a readiness check"));
    Bodies edit = chat.copy().assistant("Done.").user("Now add a liveness check");
    ConversationLink branch = send(edit);
    ConversationLink followUp = send(edit.assistant("Added.").user("Test it"));

    assertThat(followUp.branchId()).isEqualTo(branch.branchId());
  }

  @Test
  void requestsOfOtherDomainsNeverLink() {
    Bodies chat = Bodies.conversation().user("Add a health check");
    send(chat);
    clock = clock.plusSeconds(1);
    ConversationLink other = linker.link(new LinkRequest(UUID.randomUUID(), "other.example.com",
        clock, chat.assistant("Done.").user("More").request(), true, null), recent);

    assertThat(other.parentRequestId()).isNull();
  }

  @Test
  void matchingSystemPromptWinsOverNewer() {
    Bodies chat = Bodies.conversation().user("Explain the relay");
    ConversationLink withSystem = send(chat);
    ConversationLink otherSystem = send(chat.copy().system("Another agent's prompt"));
    ConversationLink next = send(chat.assistant("It copies bytes.").user("And the recorder?"));

    assertThat(next.conversationId()).isEqualTo(withSystem.conversationId())
        .isNotEqualTo(otherSystem.conversationId());
  }

  @Test
  void grandparentLinksWhenParentIsMissing() {
    Bodies chat = Bodies.conversation().user("Step one");
    ConversationLink first = send(chat);
    // The request for the second turn was never recorded, so only the first turn matches.
    ConversationLink third = send(chat.assistant("One done.").user("Step two")
        .assistant("Two done.").user("Step three"));

    assertThat(third.conversationId()).isEqualTo(first.conversationId());
  }

  @Test
  void compactedConversationContinuesOnCompactBranch() {
    Bodies chat = Bodies.conversation().user("Build the linker");
    ConversationLink start = send(chat);
    send(chat.copy().assistant("Working.").user("Summarise the conversation"),
        Bodies.textResponse("<analysis>\nThe user builds a linker.\n</analysis>\n\n<summary>\n"
            + SUMMARY + "\n</summary>"));
    Bodies compacted = Bodies.conversation().user(CompactSummary.COMPACT_MARKER + ". "
        + CompactSummary.NEW_PREAMBLE + "\n\nSummary:\n" + SUMMARY
        + "\n\nIf you need specific details from before compaction, read the transcript.");
    ConversationLink afterCompaction = send(compacted);
    ConversationLink followUp = send(compacted.assistant("Continuing.").user("Run the tests"));

    assertThat(afterCompaction.conversationId()).isEqualTo(start.conversationId());
    assertThat(afterCompaction.branchId()).isEqualTo("compact_091503");
    assertThat(followUp.branchId()).isEqualTo("compact_091503");
  }

  @Test
  void compactionWithTranscriptTailLinks() {
    Bodies chat = Bodies.conversation().user("Build the linker");
    ConversationLink start = send(chat);
    send(chat.copy().assistant("Working.").user("Summarise"),
        Bodies.textResponse("<analysis>x</analysis>\n<summary>\n" + SUMMARY + "\n</summary>"));
    UUID summarising = lastId;
    ConversationLink tail = send(Bodies.conversation()
        .user(CompactSummary.NEW_PREAMBLE + "\nSummary:\n" + SUMMARY
            + "\nContinue the conversation from where it left off.")
        .assistant("Running the tests.").user("Tests pass."));

    assertThat(tail.conversationId()).isEqualTo(start.conversationId());
    assertThat(tail.parentRequestId()).isEqualTo(summarising);
    assertThat(tail.branchId()).startsWith("compact_");
  }

  @Test
  void shortSummaryIsNotSearched() {
    Bodies chat = Bodies.conversation().user("Build the linker");
    send(chat, Bodies.textResponse("<summary>Short.</summary>"));
    ConversationLink compacted = send(Bodies.conversation()
        .user(CompactSummary.NEW_PREAMBLE + "\nSummary:\nShort."));

    assertThat(compacted.parentRequestId()).isNull();
  }

  @Test
  void samePromptLaunchedTwiceGivesTwoSubtaskBranches() {
    Bodies chat = Bodies.conversation().user("Review the repository");
    ConversationLink parent = send(chat.request(),
        Bodies.subagentResponse("Agent", "Find dead code", "Find dead code"));
    Bodies subagent = Bodies.conversation().user("Find dead code");
    ConversationLink first = send(subagent);
    ConversationLink second = send(subagent);

    assertThat(List.of(first.branchId(), second.branchId())).containsExactly("subtask_1", "subtask_2");
    assertThat(first.conversationId()).isEqualTo(parent.conversationId());
    assertThat(first.subtask()).isTrue();
    assertThat(first.parentTaskRequestId()).isEqualTo(first.parentRequestId()).isNotNull();
  }

  @Test
  void subtaskFollowUpInheritsBranchAndFlag() {
    send(Bodies.conversation().user("Review").request(),
        Bodies.subagentResponse("Task", "List the modules"));
    Bodies subagent = Bodies.conversation().user("List the modules");
    ConversationLink start = send(subagent);
    ConversationLink followUp = send(subagent.assistant("Reading.").user("pom.xml lists four"));

    assertThat(followUp.branchId()).isEqualTo(start.branchId());
    assertThat(followUp.subtask()).isTrue();
    assertThat(followUp.parentTaskRequestId()).isEqualTo(start.parentTaskRequestId());
  }

  @Test
  void branchForkedFromSubtaskStaysSubtask() {
    send(Bodies.conversation().user("Review").request(),
        Bodies.subagentResponse("Agent", "List the modules"));
    Bodies subagent = Bodies.conversation().user("List the modules");
    send(subagent);
    send(subagent.copy().assistant("Reading.").user("pom.xml lists four"));
    ConversationLink diverged = send(subagent.copy().assistant("Looking.").user("ls shows five"));

    assertThat(diverged.branchId()).startsWith("branch_");
    assertThat(diverged.subtask()).isTrue();
  }

  @Test
  void launchOutsideWindowIsNoSubtask() {
    send(Bodies.conversation().user("Review").request(),
        Bodies.subagentResponse("Agent", "List the modules"));
    clock = clock.plus(Duration.ofHours(25));
    ConversationLink late = send(Bodies.conversation().user("List the modules"));

    assertThat(late.subtask()).isFalse();
    assertThat(late.branchId()).isEqualTo("main");
  }

  @Test
  void unlinkableRequestGetsHashesOnly() {
    ConversationLink link = linker.link(new LinkRequest(UUID.randomUUID(), DOMAIN, clock,
        Bodies.conversation().user("quota").request(), false, null), recent);

    assertThat(link.conversationId()).isNull();
    assertThat(link.hashes().currentMessageHash()).isNotNull();
  }

  @Test
  void relinkKeepsExistingConversationId() {
    UUID existing = UUID.randomUUID();
    ConversationLink link = linker.link(new LinkRequest(UUID.randomUUID(), DOMAIN, clock,
        Bodies.conversation().user("Hello").request(), true, existing), recent);

    assertThat(link.conversationId()).isEqualTo(existing);
  }

  @Test
  void failedLookupIsPassedOn() {
    LinkLookup broken = new LayeredLinkLookup(recent, new FailingLinkLookup());
    LinkRequest request = new LinkRequest(UUID.randomUUID(), DOMAIN, clock,
        Bodies.conversation().user("a").assistant("b").user("c").request(), true, null);

    assertThatThrownBy(() -> linker.link(request, broken)).isInstanceOf(LinkLookupException.class);
  }
}
