package dev.claudenexus.conversation;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The most recently linked requests, kept in memory in arrival order so that a request links to a
 * parent whose row is not written yet. When full, the oldest entry is dropped; the database contains it
 * by then. Only requests that may be parents are kept.
 */
public final class RecentLinks implements LinkLookup {

  private static final int MAX_SUMMARIES = 200;

  private final int capacity;
  private final ArrayDeque<Entry> arrivals = new ArrayDeque<>();
  private final Map<UUID, Entry> byId = new HashMap<>();
  private final Map<String, List<Entry>> byHash = new HashMap<>();
  private final Map<String, List<Entry>> byParentHash = new HashMap<>();
  private final Map<String, List<TaskInvocation>> invocationsByPrompt = new HashMap<>();
  private final ArrayDeque<SummaryResponse> summaries = new ArrayDeque<>();

  private record Entry(LinkedRequest request, ConversationLink link, List<TaskInvocation> invocations) {}

  /** @param capacity the number of requests kept; at least 1 */
  public RecentLinks(int capacity) {
    this.capacity = Math.max(1, capacity);
  }

  /**
   * Keeps a linked request that may be a parent.
   *
   * @param summaryText the response text in lower case when it contains a summary, otherwise null
   */
  public synchronized void remember(LinkedRequest request, ConversationLink link,
      List<TaskInvocation> invocations, String summaryText) {
    if (byId.containsKey(request.requestId())) {
      return;
    }
    Entry entry = new Entry(request, link, List.copyOf(invocations));
    arrivals.addLast(entry);
    byId.put(request.requestId(), entry);
    add(byHash, request.currentMessageHash(), entry);
    add(byParentHash, request.parentMessageHash(), entry);
    for (TaskInvocation invocation : invocations) {
      invocationsByPrompt.computeIfAbsent(invocation.promptHash(), k -> new ArrayList<>())
          .add(invocation);
    }
    if (summaryText != null) {
      summaries.addFirst(new SummaryResponse(request, summaryText));
      if (summaries.size() > MAX_SUMMARIES) {
        summaries.removeLast();
      }
    }
    while (arrivals.size() > capacity) {
      forget(arrivals.removeFirst());
    }
  }

  /** Returns the link made earlier for a request that is still remembered. */
  public synchronized Optional<ConversationLink> linkOf(UUID requestId) {
    Entry entry = byId.get(requestId);
    return entry == null ? Optional.empty() : Optional.of(entry.link());
  }

  public synchronized int size() {
    return arrivals.size();
  }

  @Override
  public synchronized Optional<LinkedRequest> latestWithHash(
      String domain, String messageHash, String systemHash, Instant before, UUID excluded) {
    return byHash.getOrDefault(messageHash, List.of()).stream()
        .map(Entry::request)
        .filter(r -> matches(r, domain, before, excluded))
        .filter(r -> systemHash == null || systemHash.equals(r.systemHash()))
        .max(Comparator.comparing(LinkedRequest::timestamp));
  }

  @Override
  public synchronized boolean hasChild(
      String domain, String parentHash, UUID conversationId, Instant before, UUID excluded) {
    return byParentHash.getOrDefault(parentHash, List.of()).stream()
        .map(Entry::request)
        .filter(r -> matches(r, domain, before, excluded))
        .anyMatch(r -> conversationId == null || conversationId.equals(r.conversationId()));
  }

  @Override
  public synchronized List<SummaryResponse> summaryResponses(
      String domain, Instant from, Instant before) {
    return summaries.stream()
        .filter(s -> s.request().domain().equals(domain))
        .filter(s -> !s.request().timestamp().isBefore(from))
        .filter(s -> s.request().timestamp().isBefore(before))
        .sorted(Comparator.comparing((SummaryResponse s) -> s.request().timestamp()).reversed())
        .toList();
  }

  @Override
  public synchronized List<TaskInvocation> taskInvocations(
      String domain, String promptHash, Instant from, Instant to) {
    return invocationsByPrompt.getOrDefault(promptHash, List.of()).stream()
        .filter(i -> i.domain().equals(domain))
        .filter(i -> !i.timestamp().isBefore(from) && !i.timestamp().isAfter(to))
        .sorted(LayeredLinkLookup.INVOCATION_ORDER)
        .toList();
  }

  @Override
  public synchronized Optional<LinkedRequest> request(UUID requestId) {
    Entry entry = byId.get(requestId);
    return entry == null ? Optional.empty() : Optional.of(entry.request());
  }

  @Override
  public synchronized int maxSubtaskNumber(UUID conversationId, Instant before) {
    int max = 0;
    for (Entry entry : arrivals) {
      LinkedRequest r = entry.request();
      if (conversationId.equals(r.conversationId()) && r.timestamp().isBefore(before)) {
        max = Math.max(max, BranchNames.subtaskNumber(r.branchId()).orElse(0));
      }
    }
    return max;
  }

  private static boolean matches(LinkedRequest r, String domain, Instant before, UUID excluded) {
    return r.domain().equals(domain)
        && r.timestamp().isBefore(before)
        && !r.requestId().equals(excluded);
  }

  private void forget(Entry entry) {
    byId.remove(entry.request().requestId());
    remove(byHash, entry.request().currentMessageHash(), entry);
    remove(byParentHash, entry.request().parentMessageHash(), entry);
    for (TaskInvocation invocation : entry.invocations()) {
      List<TaskInvocation> list = invocationsByPrompt.get(invocation.promptHash());
      if (list != null) {
        list.remove(invocation);
        if (list.isEmpty()) {
          invocationsByPrompt.remove(invocation.promptHash());
        }
      }
    }
    summaries.removeIf(s -> s.request().requestId().equals(entry.request().requestId()));
  }

  private static void add(Map<String, List<Entry>> index, String key, Entry entry) {
    if (key != null) {
      index.computeIfAbsent(key, k -> new ArrayList<>()).add(entry);
    }
  }

  private static void remove(Map<String, List<Entry>> index, String key, Entry entry) {
    if (key == null) {
      return;
    }
    List<Entry> list = index.get(key);
    if (list != null) {
      list.removeIf(e -> Objects.equals(e.request().requestId(), entry.request().requestId()));
      if (list.isEmpty()) {
        index.remove(key);
      }
    }
  }
}
