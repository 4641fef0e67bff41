package dev.claudenexus.launcher;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Orders stored requests so that each comes after the requests it refers to through
 * {@code parent_request_id} and {@code parent_task_request_id}, as the foreign keys need when the
 * rows are inserted one by one. Time order is not enough: the clocks of two proxy instances may
 * differ, so a child can be stored with an earlier timestamp than its parent.
 */
final class RequestOrder {

  /** The reference columns, in the order of {@link RequestNode#references}. */
  static final List<String> REFERENCES = List.of("parent_request_id", "parent_task_request_id");

  /** A stored request and the requests it refers to. */
  record RequestNode(UUID id, UUID parentRequestId, UUID parentTaskRequestId) {
    /** Returns the references in {@link #REFERENCES} order; absent ones are null. */
    List<UUID> references() {
      List<UUID> references = new ArrayList<>(2);
      references.add(parentRequestId);
      references.add(parentTaskRequestId);
      return references;
    }
  }

  private RequestOrder() {}

  /**
   * Returns the ids of {@code nodes}, given in time order, with every request after the requests
   * among {@code nodes} that it refers to. A cycle of references, which the foreign keys do not
   * prevent when rows are updated, keeps the time order for its members.
   */
  static List<UUID> parentsFirst(List<RequestNode> nodes) {
    Map<UUID, RequestNode> byId = new HashMap<>();
    nodes.forEach(n -> byId.put(n.id(), n));
    List<UUID> order = new ArrayList<>(nodes.size());
    Set<UUID> placed = new HashSet<>();
    Set<UUID> waiting = new HashSet<>();
    Deque<RequestNode> stack = new ArrayDeque<>();
    for (RequestNode start : nodes) {
      stack.push(start);
      waiting.add(start.id());
      while (!stack.isEmpty()) {
        RequestNode node = stack.peek();
        RequestNode parent = node.references().stream()
            .filter(r -> r != null && byId.containsKey(r) && !placed.contains(r) && !waiting.contains(r))
            .map(byId::get).findFirst().orElse(null);
        if (parent != null) {
          stack.push(parent);
          waiting.add(parent.id());
          continue;
        }
        stack.pop();
        waiting.remove(node.id());
        if (placed.add(node.id())) {
          order.add(node.id());
        }
      }
    }
    return order;
  }
}
