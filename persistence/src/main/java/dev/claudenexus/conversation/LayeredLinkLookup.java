package dev.claudenexus.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Combines recent requests in memory with the database, so a request links both to
 * a parent whose row is not written yet and to one that another instance wrote.
 */
public final class LayeredLinkLookup implements LinkLookup {

  static final Comparator<TaskInvocation> INVOCATION_ORDER =
      Comparator.comparing(TaskInvocation::timestamp).thenComparingInt(TaskInvocation::ordinal);

  private final LinkLookup memory;
  private final LinkLookup database;
  private final boolean memoryHasNewest;

  public LayeredLinkLookup(LinkLookup memory, LinkLookup database) {
    this(memory, database, false);
  }

  /**
   * @param memoryHasNewest whether every request newer than one in memory is in memory too, as when
   *     one process links rows in time order (a relink). Then a parent found in memory is the
   *     newest, and the database is not asked. With several writing instances it is not so.
   */
  public LayeredLinkLookup(LinkLookup memory, LinkLookup database, boolean memoryHasNewest) {
    this.memory = memory;
    this.database = database;
    this.memoryHasNewest = memoryHasNewest;
  }

  @Override
  public Optional<LinkedRequest> latestWithHash(
      String domain, String messageHash, String systemHash, Instant before, UUID excluded) {
    Optional<LinkedRequest> recent =
        memory.latestWithHash(domain, messageHash, systemHash, before, excluded);
    if (memoryHasNewest && recent.isPresent()) {
      return recent;
    }
    Optional<LinkedRequest> stored =
        database.latestWithHash(domain, messageHash, systemHash, before, excluded);
    if (recent.isEmpty() || stored.isEmpty()) {
      return recent.or(() -> stored);
    }
    return stored.get().timestamp().isAfter(recent.get().timestamp()) ? stored : recent;
  }

  @Override
  public boolean hasChild(
      String domain, String parentHash, UUID conversationId, Instant before, UUID excluded) {
    return memory.hasChild(domain, parentHash, conversationId, before, excluded)
        || database.hasChild(domain, parentHash, conversationId, before, excluded);
  }

  @Override
  public List<SummaryResponse> summaryResponses(String domain, Instant from, Instant before) {
    Map<UUID, SummaryResponse> merged = new LinkedHashMap<>();
    for (SummaryResponse s : memory.summaryResponses(domain, from, before)) {
      merged.put(s.request().requestId(), s);
    }
    for (SummaryResponse s : database.summaryResponses(domain, from, before)) {
      merged.putIfAbsent(s.request().requestId(), s);
    }
    List<SummaryResponse> all = new ArrayList<>(merged.values());
    all.sort(Comparator.comparing((SummaryResponse s) -> s.request().timestamp()).reversed());
    return all;
  }

  @Override
  public List<TaskInvocation> taskInvocations(
      String domain, String promptHash, Instant from, Instant to) {
    Map<String, TaskInvocation> merged = new LinkedHashMap<>();
    for (TaskInvocation i : memory.taskInvocations(domain, promptHash, from, to)) {
      merged.put(i.requestId() + "#" + i.ordinal(), i);
    }
    for (TaskInvocation i : database.taskInvocations(domain, promptHash, from, to)) {
      merged.putIfAbsent(i.requestId() + "#" + i.ordinal(), i);
    }
    List<TaskInvocation> all = new ArrayList<>(merged.values());
    all.sort(INVOCATION_ORDER);
    return all;
  }

  @Override
  public Optional<LinkedRequest> request(UUID requestId) {
    return memory.request(requestId).or(() -> database.request(requestId));
  }

  @Override
  public int maxSubtaskNumber(UUID conversationId, Instant before) {
    return Math.max(memory.maxSubtaskNumber(conversationId, before),
        database.maxSubtaskNumber(conversationId, before));
  }
}
