package dev.claudenexus.dashboard.pages.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudenexus.api.conversations.ConversationBranch;
import dev.claudenexus.api.conversations.RequestPosition;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConversationLinksTest {

  private final UUID conversation = UUID.fromString("70c5a61d-094a-4e0b-8e16-1f00d36f3205");

  @Test
  void pageKeepsBranchAndView() {
    assertThat(ConversationLinks.page(conversation, null, "tree"))
        .isEqualTo("/dashboard/conversation/" + conversation);
    assertThat(ConversationLinks.page(conversation, "subtask_1", "timeline"))
        .isEqualTo("/dashboard/conversation/" + conversation + "?branch=subtask_1&view=timeline");
  }

  @Test
  void hostileBranchEncoded() {
    assertThat(ConversationLinks.page(conversation, "\"><svg onload=alert(1)>&x=1", "tree"))
        .endsWith("?branch=%22%3E%3Csvg+onload%3Dalert%281%29%3E%26x%3D1");
  }

  @Test
  void chipsStartWithAll() {
    List<ConversationBranch> branches = List.of(
        new ConversationBranch("main", 3, 30, Requests.START, Requests.START),
        new ConversationBranch("subtask_1", 2, 20, Requests.START, Requests.START));

    List<BranchChip> chips = ConversationLinks.chips(conversation, branches, "subtask_1", "tree");

    assertThat(chips).extracting(BranchChip::label)
        .containsExactly("All branches", "main", "subtask_1");
    assertThat(chips).extracting(BranchChip::requests).containsExactly(5L, 3L, 2L);
    assertThat(chips).extracting(BranchChip::active).containsExactly(false, false, true);
    assertThat(chips.get(1).colour()).isEqualTo(BranchPalette.MAIN);
  }

  @Test
  void olderPositionRoundTrip() {
    RequestPosition last = new RequestPosition(Requests.START.plusNanos(123_000), UUID.randomUUID());

    String href = ConversationLinks.older(conversation, null, last);
    String before = java.net.URLDecoder.decode(href.substring(href.indexOf("before=") + 7),
        java.nio.charset.StandardCharsets.UTF_8);

    assertThat(href).contains("?view=timeline&before=");
    assertThat(ConversationLinks.position(before)).contains(last);
  }

  @Test
  void invalidPositionIgnored() {
    assertThat(ConversationLinks.position(null)).isEmpty();
    assertThat(ConversationLinks.position("yesterday")).isEmpty();
    assertThat(ConversationLinks.position("2025-03-10T08:00Z_nope")).isEmpty();
    assertThat(ConversationLinks.position("soon_" + UUID.randomUUID())).isEmpty();
  }
}
