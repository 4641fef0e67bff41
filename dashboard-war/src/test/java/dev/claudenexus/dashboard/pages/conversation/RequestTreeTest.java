package dev.claudenexus.dashboard.pages.conversation;

import static dev.claudenexus.dashboard.pages.conversation.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claudenexus.api.conversations.ConversationRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestTreeTest {

  @Test
  void newestAtTop() {
    ConversationRequest first = request(0, "main", null);
    ConversationRequest second = request(1, "main", first.requestId());

    TreeLayout tree = RequestTree.layout(List.of(second, first), Map.of());

    assertThat(tree.nodes()).extracting(TreeLayout.Node::requestId)
        .containsExactly(second.requestId().toString(), first.requestId().toString());
    assertThat(tree.nodes().get(0).y()).isLessThan(tree.nodes().get(1).y());
    assertThat(tree.nodes().get(0).shortId()).hasSize(8);
    assertThat(tree.nodes().get(0).href()).isEqualTo("/dashboard/request/" + second.requestId());
  }

  @Test
  void sameBranchStraightEdge() {
    ConversationRequest first = request(0, "main", null);
    ConversationRequest second = request(1, "main", first.requestId());

    TreeLayout tree = RequestTree.layout(List.of(second, first), Map.of());

    TreeLayout.Node top = tree.nodes().get(0);
    TreeLayout.Node bottom = tree.nodes().get(1);
    assertThat(tree.edges()).containsExactly(new TreeLayout.Edge(
        "M " + bottom.x() + " " + bottom.y() + " V " + top.y(), BranchPalette.MAIN, false));
  }

  @Test
  void branchSquaredConnector() {
    ConversationRequest first = request(0, "main", null);
    ConversationRequest branch = request(1, "branch_1", first.requestId());
    ConversationRequest main = request(2, "main", first.requestId());

    TreeLayout tree = RequestTree.layout(List.of(main, branch, first), Map.of());

    TreeLayout.Node branchNode = tree.nodes().get(1);
    TreeLayout.Node root = tree.nodes().get(2);
    assertThat(branchNode.x()).isGreaterThan(root.x());
    assertThat(branchNode.colour()).isEqualTo(BranchPalette.colour("branch_1"));
    assertThat(tree.edges()).contains(new TreeLayout.Edge("M " + root.x() + " " + root.y()
        + " V " + (root.y() - RequestTree.ROW / 2) + " H " + branchNode.x() + " V "
        + branchNode.y(), BranchPalette.colour("branch_1"), false));
  }

  @Test
  void finishedBranchFreesLane() {
    ConversationRequest root = request(0, "main", null);
    ConversationRequest a = request(1, "branch_a", root.requestId());
    ConversationRequest mid = request(2, "main", root.requestId());
    ConversationRequest b = request(3, "branch_b", mid.requestId());

    TreeLayout tree = RequestTree.layout(List.of(b, mid, a, root), Map.of());

    assertThat(tree.nodes().get(0).x()).isEqualTo(tree.nodes().get(2).x());
  }

  @Test
  void overlappingBranchesSeparateLanes() {
    ConversationRequest root = request(0, "main", null);
    ConversationRequest a1 = request(1, "branch_a", root.requestId());
    ConversationRequest b1 = request(2, "branch_b", root.requestId());
    ConversationRequest a2 = request(3, "branch_a", a1.requestId());

    TreeLayout tree = RequestTree.layout(List.of(a2, b1, a1, root), Map.of());

    assertThat(tree.nodes().get(1).x()).isNotEqualTo(tree.nodes().get(0).x());
  }

  @Test
  void missingParentDanglingEdge() {
    ConversationRequest orphan = request(5, "main", UUID.randomUUID());

    TreeLayout tree = RequestTree.layout(List.of(orphan), Map.of());

    assertThat(tree.edges()).hasSize(1);
    assertThat(tree.edges().get(0).dashed()).isTrue();
  }

  @Test
  void failedRequestMarked() {
    ConversationRequest failed = request(UUID.randomUUID(), 0, "main", null, 529, "error", null);
    ConversationRequest cut = request(UUID.randomUUID(), 1, "main", null, 200, "incomplete", null);
    ConversationRequest fine = request(2, "main", null);

    TreeLayout tree = RequestTree.layout(List.of(fine, cut, failed), Map.of());

    assertThat(tree.nodes()).extracting(TreeLayout.Node::failed).containsExactly(false, true, true);
    assertThat(tree.nodes().get(2).title()).contains("status 529 · error");
    assertThat(tree.nodes().get(2).detail()).endsWith("failed");
  }

  @Test
  void subtaskBoxesRightOfLabel() {
    ConversationRequest task = request(0, "main", null);
    List<SubtaskBox> boxes = List.of(new SubtaskBox(1, 2, "/dashboard/conversation/c?branch=subtask_1",
        "Review <b>"), new SubtaskBox(2, 0, null, ""));

    TreeLayout tree = RequestTree.layout(List.of(task), Map.of(task.requestId(), boxes));

    TreeLayout.Node node = tree.nodes().get(0);
    assertThat(tree.boxes()).extracting(TreeLayout.Box::label)
        .containsExactly("sub-task 1 (2)", "sub-task 2 (0)");
    assertThat(tree.boxes().get(0).x()).isGreaterThanOrEqualTo(node.labelX() + RequestTree.LABEL_WIDTH);
    assertThat(tree.boxes().get(1).x()).isGreaterThan(tree.boxes().get(0).x());
    assertThat(tree.boxes().get(0).y() + RequestTree.BOX_HEIGHT / 2).isEqualTo(node.y());
    assertThat(tree.boxes().get(0).title()).isEqualTo("Review <b>");
    assertThat(tree.width()).isGreaterThanOrEqualTo(tree.boxes().get(1).x() + RequestTree.BOX_WIDTH);
  }

  @Test
  void hostileBranchOnlyInText() {
    String branch = "\"><svg onload=alert(1)>" + "x".repeat(50);
    ConversationRequest root = request(0, "main", null);
    ConversationRequest hostile = request(1, branch, root.requestId());

    TreeLayout tree = RequestTree.layout(List.of(hostile, root), Map.of());

    TreeLayout.Node node = tree.nodes().get(0);
    assertThat(BranchPalette.COLOURS).contains(node.colour());
    assertThat(node.href()).isEqualTo("/dashboard/request/" + hostile.requestId());
    assertThat(node.detail()).contains("\"><svg onload=alert(1)>").endsWith("…");
    assertThat(tree.edges()).allSatisfy(edge -> assertThat(edge.path()).matches("[MVH0-9 -]+"));
  }

  @Test
  void emptyTreeHasSize() {
    TreeLayout tree = RequestTree.layout(List.of(), Map.of());

    assertThat(tree.nodes()).isEmpty();
    assertThat(tree.height()).isPositive();
  }
}
