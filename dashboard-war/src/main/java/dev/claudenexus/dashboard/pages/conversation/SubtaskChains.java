package dev.claudenexus.dashboard.pages.conversation;

import dev.claudenexus.api.conversations.SubtaskRequest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Groups the sub-agent requests of one launching request into sub-tasks by their parent links. */
final class SubtaskChains {

  private SubtaskChains() {}

  /**
   * Returns the number of requests of each sub-task, keyed by the id of its first request, in the
   * order of {@code requests}. A first request is one whose parent is the launching request or is
   * not among {@code requests}.
   */
  static Map<UUID, Long> sizes(UUID task, List<SubtaskRequest> requests) {
    Map<UUID, SubtaskRequest> byId = new HashMap<>();
    for (SubtaskRequest request : requests) {
      byId.put(request.requestId(), request);
    }
    Map<UUID, UUID> roots = new HashMap<>();
    Map<UUID, Long> sizes = new LinkedHashMap<>();
    for (SubtaskRequest request : requests) {
      if (isRoot(request, task, byId)) {
        sizes.put(request.requestId(), 0L);
      }
    }
    for (SubtaskRequest request : requests) {
      UUID root = rootOf(request, task, byId, roots);
      sizes.merge(root, 1L, Long::sum);
    }
    return sizes;
  }

  private static boolean isRoot(SubtaskRequest request, UUID task,
      Map<UUID, SubtaskRequest> byId) {
    UUID parent = request.parentRequestId();
    return parent == null || parent.equals(task) || !byId.containsKey(parent);
  }

  /** Follows parent links to the first request; a cycle, which no stored data has, stops it. */
  private static UUID rootOf(SubtaskRequest request, UUID task, Map<UUID, SubtaskRequest> byId,
      Map<UUID, UUID> roots) {
    SubtaskRequest current = request;
    int steps = 0;
    while (!isRoot(current, task, byId) && steps++ < byId.size()) {
      UUID known = roots.get(current.requestId());
      if (known != null) {
        roots.put(request.requestId(), known);
        return known;
      }
      current = byId.get(current.parentRequestId());
    }
    roots.put(request.requestId(), current.requestId());
    return current.requestId();
  }
}
