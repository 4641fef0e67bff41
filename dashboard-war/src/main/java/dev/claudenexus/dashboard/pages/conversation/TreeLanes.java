package dev.claudenexus.dashboard.pages.conversation;

import dev.claudenexus.api.conversations.ConversationRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Assigns each branch of a tree a lane. {@code main} takes lane 0; the other branches, oldest first,
 * take the lowest lane whose last branch has no row at or above the oldest row they span, so
 * finished branches free their lane for later ones.
 */
final class TreeLanes {

  private TreeLanes() {}

  /**
   * Returns the lane of each branch of {@code requests}, which are newest first; {@code rows} maps
   * each request id to its row.
   */
  static Map<String, Integer> assign(List<ConversationRequest> requests, Map<UUID, Integer> rows) {
    // Row spans per branch: the newest (smallest) row, and the oldest (largest) row of its requests
    // and their parents, since the connector from a parent runs in the branch's lane.
    Map<String, int[]> spans = new LinkedHashMap<>();
    for (int row = requests.size() - 1; row >= 0; row--) {
      ConversationRequest request = requests.get(row);
      int[] span = spans.computeIfAbsent(RequestTree.branch(request),
          b -> new int[] {Integer.MAX_VALUE, -1});
      Integer parentRow = request.parentRequestId() == null ? null
          : rows.get(request.parentRequestId());
      span[0] = Math.min(span[0], row);
      span[1] = Math.max(span[1], parentRow == null ? row : Math.max(row, parentRow));
    }
    Map<String, Integer> lanes = new HashMap<>();
    // Newest row of the branch that last used each lane; lane 0 belongs to main.
    List<Integer> laneTops = new ArrayList<>();
    laneTops.add(spans.containsKey("main") ? -1 : Integer.MAX_VALUE);
    if (spans.containsKey("main")) {
      lanes.put("main", 0);
    }
    for (Map.Entry<String, int[]> entry : spans.entrySet()) {
      if (entry.getKey().equals("main")) {
        continue;
      }
      int[] span = entry.getValue();
      int lane = spans.containsKey("main") ? 1 : 0;
      while (lane < laneTops.size() && laneTops.get(lane) <= span[1]) {
        lane++;
      }
      if (lane == laneTops.size()) {
        laneTops.add(span[0]);
      } else {
        laneTops.set(lane, span[0]);
      }
      lanes.put(entry.getKey(), lane);
    }
    return lanes;
  }
}
