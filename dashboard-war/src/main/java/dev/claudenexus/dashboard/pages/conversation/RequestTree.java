package dev.claudenexus.dashboard.pages.conversation;

import dev.claudenexus.api.conversations.ConversationRequest;
import dev.claudenexus.dashboard.pages.request.DisplayFormats;
import dev.claudenexus.dashboard.pages.request.RequestOutcomes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Lays out the requests of a conversation as a tree with the newest at the top. Each request gets a
 * row and each branch a lane, which a later branch reuses once the branch has ended. Right of the
 * lanes, a label column shows the short id, time and branch, followed by the sub-task boxes. A child
 * on another lane than its parent is joined by a squared connector: up from the parent, across,
 * then up to the child.
 */
public final class RequestTree {

  static final int ROW = 30;
  static final int LANE = 18;
  static final int PAD = 16;
  static final int RADIUS = 6;
  static final int LABEL_WIDTH = 360;
  static final int BOX_WIDTH = 124;
  static final int BOX_HEIGHT = 20;
  static final int BOX_GAP = 8;
  static final int BRANCH_CHARS = 40;

  private RequestTree() {}

  /**
   * Returns the layout of {@code requests}, which must be newest first.
   *
   * @param boxes the sub-task boxes of each launching request
   */
  public static TreeLayout layout(List<ConversationRequest> requests,
      Map<UUID, List<SubtaskBox>> boxes) {
    Map<UUID, Integer> rows = new HashMap<>();
    for (int i = 0; i < requests.size(); i++) {
      rows.put(requests.get(i).requestId(), i);
    }
    Map<String, Integer> lanes = TreeLanes.assign(requests, rows);
    int laneCount = lanes.values().stream().mapToInt(lane -> lane + 1).max().orElse(1);
    int labelX = PAD + laneCount * LANE + 8;
    int boxX = labelX + LABEL_WIDTH;

    List<TreeLayout.Node> nodes = new ArrayList<>();
    List<TreeLayout.Edge> edges = new ArrayList<>();
    List<TreeLayout.Box> boxList = new ArrayList<>();
    int maxBoxes = 0;
    for (int row = 0; row < requests.size(); row++) {
      ConversationRequest request = requests.get(row);
      int x = laneX(lanes.get(branch(request)));
      int y = rowY(row);
      String colour = BranchPalette.colour(branch(request));
      nodes.add(node(request, x, y, colour, labelX));
      edge(request, x, y, colour, rows, requests, lanes).ifPresent(edges::add);
      List<SubtaskBox> own = boxes.getOrDefault(request.requestId(), List.of());
      for (int i = 0; i < own.size(); i++) {
        SubtaskBox box = own.get(i);
        boxList.add(new TreeLayout.Box(boxX + i * (BOX_WIDTH + BOX_GAP), y - BOX_HEIGHT / 2,
            BOX_WIDTH, BOX_HEIGHT, box.label(), box.href(), box.prompt()));
      }
      maxBoxes = Math.max(maxBoxes, own.size());
    }
    int width = boxX + maxBoxes * (BOX_WIDTH + BOX_GAP) + PAD;
    int height = PAD * 2 + Math.max(1, requests.size()) * ROW;
    return new TreeLayout(width, height, nodes, edges, boxList);
  }

  private static TreeLayout.Node node(ConversationRequest request, int x, int y, String colour,
      int labelX) {
    boolean failed = RequestOutcomes.failed(request.responseStatus(), request.outcome());
    String branch = cut(branch(request));
    String detail = DisplayFormats.clock(request.timestamp()) + "  " + branch
        + (failed ? "  failed" : "");
    String title = request.requestId() + "\nbranch " + branch + "\n"
        + DisplayFormats.time(request.timestamp()) + "\n" + (request.model() == null ? ""
            : request.model() + "\n") + status(request);
    return new TreeLayout.Node(request.requestId().toString(),
        "/dashboard/request/" + request.requestId(), x, y, colour, failed,
        DisplayFormats.shortId(request.requestId()), detail, labelX, title);
  }

  private static Optional<TreeLayout.Edge> edge(ConversationRequest request, int x,
      int y, String colour, Map<UUID, Integer> rows, List<ConversationRequest> requests,
      Map<String, Integer> lanes) {
    UUID parent = request.parentRequestId();
    if (parent == null) {
      return Optional.empty();
    }
    Integer parentRow = rows.get(parent);
    if (parentRow == null) {
      // The parent is older than the rows shown or on a branch the filter leaves out.
      return Optional.of(new TreeLayout.Edge(
          "M " + x + " " + (y + RADIUS) + " V " + (y + ROW / 2), colour, true));
    }
    int px = laneX(lanes.get(branch(requests.get(parentRow))));
    int py = rowY(parentRow);
    String path = px == x
        ? "M " + px + " " + py + " V " + y
        : "M " + px + " " + py + " V " + (py - ROW / 2) + " H " + x + " V " + y;
    return Optional.of(new TreeLayout.Edge(path, colour, false));
  }

  private static String status(ConversationRequest request) {
    String status = request.responseStatus() == null ? "no status"
        : "status " + request.responseStatus();
    return request.outcome() == null ? status : status + " · " + request.outcome();
  }

  static String branch(ConversationRequest request) {
    return request.branchId() == null ? "main" : request.branchId();
  }

  private static String cut(String branch) {
    return branch.length() <= BRANCH_CHARS ? branch : branch.substring(0, BRANCH_CHARS) + "…";
  }

  static int laneX(int lane) {
    return PAD + lane * LANE + LANE / 2;
  }

  static int rowY(int row) {
    return PAD + row * ROW + ROW / 2;
  }
}
