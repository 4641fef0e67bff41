package dev.claudenexus.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecentLinksTest {

  private static final String DOMAIN = "team.example.com";
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  private final RecentLinks recent = new RecentLinks(2);

  private LinkedRequest remember(String hash, String parentHash, int second, String summary) {
    UUID id = UUID.randomUUID();
    LinkedRequest request = new LinkedRequest(id, DOMAIN, T0.plusSeconds(second), UUID.randomUUID(),
        "main", hash, parentHash, null, false, null);
    recent.remember(request, ConversationLink.start(request.conversationId(), MessageHashes.NONE,
        HashMode.CURRENT), List.of(new TaskInvocation(id, DOMAIN, request.timestamp(), "toolu_1",
            "Agent", "prompt " + hash, 1)), summary);
    return request;
  }

  @Test
  void newestRequestWithHashWins() {
    remember("a", null, 1, null);
    LinkedRequest newer = remember("a", null, 2, null);

    assertThat(recent.latestWithHash(DOMAIN, "a", null, T0.plusSeconds(9), null)).contains(newer);
  }

  @Test
  void laterRequestsAreNotParents() {
    remember("a", null, 5, null);

    assertThat(recent.latestWithHash(DOMAIN, "a", null, T0.plusSeconds(5), null)).isEmpty();
  }

  @Test
  void fullMemoryForgetsOldestEverywhere() {
    LinkedRequest oldest = remember("a", "p", 1, "<summary>one</summary>");
    remember("b", null, 2, null);
    remember("c", null, 3, null);

    assertThat(recent.size()).isEqualTo(2);
    assertThat(recent.request(oldest.requestId())).isEmpty();
    assertThat(recent.latestWithHash(DOMAIN, "a", null, T0.plusSeconds(9), null)).isEmpty();
    assertThat(recent.hasChild(DOMAIN, "p", null, T0.plusSeconds(9), null)).isFalse();
    assertThat(recent.summaryResponses(DOMAIN, T0, T0.plusSeconds(9))).isEmpty();
    assertThat(recent.taskInvocations(DOMAIN, SubagentPrompt.key("prompt a"), T0,
        T0.plusSeconds(9))).isEmpty();
  }

  @Test
  void rememberingTwiceKeepsFirstEntry() {
    LinkedRequest request = remember("a", null, 1, null);
    recent.remember(request, ConversationLink.unlinked(MessageHashes.NONE, HashMode.CURRENT),
        List.of(), null);

    assertThat(recent.size()).isEqualTo(1);
    assertThat(recent.linkOf(request.requestId()).orElseThrow().conversationId())
        .isEqualTo(request.conversationId());
  }

  @Test
  void subtaskNumberComesFromBranchNames() {
    UUID conversation = UUID.randomUUID();
    for (String branch : List.of("subtask_2", "subtask_7", "branch_20261201100000")) {
      recent.remember(new LinkedRequest(UUID.randomUUID(), DOMAIN, T0, conversation, branch, "h",
          null, null, true, null), ConversationLink.start(conversation, MessageHashes.NONE,
          HashMode.CURRENT), List.of(), null);
    }

    assertThat(recent.maxSubtaskNumber(conversation, T0.plusSeconds(1))).isEqualTo(7);
  }
}
