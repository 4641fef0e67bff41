package dev.claudenexus.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the original product's linking fixtures in {@code original} mode. Each parent is remembered in
 * {@link RecentLinks} as the writer would remember it, and the child is linked against it at
 * 2025-01-01T12:00:00Z (or its own time). Sub-agent launches come from the parent's
 * {@code task_invocations}, from the sub-agent calls in its response, or, when a fixture names the
 * parent task but its parent made no call, from one launch of the child's prompt 5 s earlier. The
 * sub-task window is 30 s, the window these fixtures were written for.
 */
class LinkingFixturesTest {

  private static final Instant CHILD_TIME = Instant.parse("2025-01-01T12:00:00Z");
  private static final Duration FIXTURE_SUBTASK_WINDOW = Duration.ofSeconds(30);

  private static final List<String> CONVERSATION_FIXTURES = List.of(
      "01-simple-start", "02-branching", "03-re-branching", "04-compact", "05-compact-follow-up",
      "06-compact-weird", "07-duplicated-tools", "08-weird-review", "09-general-linking",
      "10-general-linking", "11-proxy-linking");
  private static final List<String> SUBTASK_FIXTURES = List.of(
      "01-subtask-matched", "02-subtask-no-match", "03-subtask-expired", "04-second-subtask",
      "05-subtask-follow", "06-subtask-check");

  @TestFactory
  Stream<DynamicTest> conversationLinkingFixtures() {
    return CONVERSATION_FIXTURES.stream().map(name -> DynamicTest.dynamicTest(name,
        () -> check(load("conversation-linking/" + name + ".json"))));
  }

  @TestFactory
  Stream<DynamicTest> subtaskLinkingFixtures() {
    return SUBTASK_FIXTURES.stream().map(name -> DynamicTest.dynamicTest(name,
        () -> check(load("subtask-linking/" + name + ".json"))));
  }

  private static void check(JsonObject fixture) {
    JsonObject parent = fixture.getJsonObject("parent");
    JsonObject child = fixture.getJsonObject("child");
    Instant childTime = time(child, CHILD_TIME);
    Instant parentTime = time(parent, childTime.minusSeconds(5));
    String domain = child.getString("domain");
    UUID parentId = id(parent.getString("request_id"));
    UUID conversationId = parent.containsKey("conversation_id")
        ? id(parent.getString("conversation_id")) : UUID.randomUUID();
    String branch = parent.get("branch_id") instanceof JsonString b ? b.getString() : null;

    MessageHasher hasher = new MessageHasher(HashMode.ORIGINAL);
    MessageHashes parentHashes = parent.containsKey("body")
        ? hasher.hash(parent.getJsonObject("body")) : MessageHashes.NONE;
    LinkedRequest parentRow = new LinkedRequest(parentId, domain, parentTime, conversationId,
        branch, parentHashes.currentMessageHash(), parentHashes.parentMessageHash(),
        parentHashes.systemHash(), false, null);
    JsonObject response = parent.get("response_body") instanceof JsonObject r ? r : null;
    String text = ResponseContent.lowerCaseText(response);

    RecentLinks recent = new RecentLinks(100);
    recent.remember(parentRow, ConversationLink.start(conversationId, parentHashes,
        HashMode.ORIGINAL), invocations(fixture, parentId, domain, parentTime, response),
        CompactSummary.isSummaryResponse(text) ? text : null);

    ConversationLinker linker =
        new ConversationLinker(HashMode.ORIGINAL, FIXTURE_SUBTASK_WINDOW, false);
    UUID childId = id(child.getString("request_id"));
    ConversationLink link = linker.link(
        new LinkRequest(childId, domain, childTime, child.getJsonObject("body"), true, null),
        recent);

    if (fixture.containsKey("expectedIsSubtask")) {
      assertThat(link.subtask()).as("is sub-task").isEqualTo(fixture.getBoolean("expectedIsSubtask"));
    }
    if (fixture.containsKey("expectedParentTaskRequestId")) {
      assertThat(link.parentTaskRequestId()).as("parent task request")
          .isEqualTo(id(fixture.getString("expectedParentTaskRequestId")));
    }
    if (fixture.getBoolean("expectedLink", false)) {
      assertThat(link.conversationId()).as("conversation").isEqualTo(conversationId);
      assertThat(link.parentRequestId()).as("parent request").isEqualTo(parentId);
      if (fixture.containsKey("expectedBranchPattern")) {
        assertThat(link.branchId()).matches(fixture.getString("expectedBranchPattern"));
      } else if (fixture.containsKey("expectedBranchId")) {
        assertThat(link.branchId()).isEqualTo(fixture.getString("expectedBranchId"));
      } else {
        assertThat(link.branchId()).isEqualTo(branch == null ? BranchNames.MAIN : branch);
      }
    }
  }

  private static List<TaskInvocation> invocations(JsonObject fixture, UUID parentId, String domain,
      Instant parentTime, JsonObject response) {
    JsonObject parent = fixture.getJsonObject("parent");
    List<TaskInvocation> invocations = new ArrayList<>();
    if (parent.containsKey("task_invocations")) {
      for (JsonValue value : parent.getJsonArray("task_invocations")) {
        JsonObject call = value.asJsonObject();
        invocations.add(new TaskInvocation(parentId, domain, Instant.parse(call.getString("timestamp")),
            call.getString("tool_use_id"), "Task", call.getString("prompt"), invocations.size() + 1));
      }
      return invocations;
    }
    invocations.addAll(ResponseContent.taskInvocations(response, parentId, domain, parentTime));
    if (invocations.isEmpty() && fixture.containsKey("expectedParentTaskRequestId")) {
      JsonObject firstMessage = fixture.getJsonObject("child").getJsonObject("body")
          .getJsonArray("messages").getJsonObject(0);
      String prompt = SubagentPrompt.of(firstMessage).orElseThrow();
      invocations.add(new TaskInvocation(parentId, domain, parentTime, "toolu_fixture", "Task",
          prompt, 1));
    }
    return invocations;
  }

  private static Instant time(JsonObject row, Instant fallback) {
    return row.get("timestamp") instanceof JsonString t ? Instant.parse(t.getString()) : fallback;
  }

  /** Maps the fixtures' ids, some of which are not UUIDs, to UUIDs. */
  private static UUID id(String value) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      return UUID.nameUUIDFromBytes(value.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static JsonObject load(String path) {
    return AcceptanceData.object(path);
  }
}
