package dev.claudenexus.proxy.stats;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Counters per domain, updated after each response; reads see a consistent copy per domain. */
@ApplicationScoped
public class TokenStats {

  /** The maximum number of domains counted. */
  static final int MAX_DOMAINS = 10_000;

  private final ConcurrentMap<String, DomainCounters> domains = new ConcurrentHashMap<>();

  /**
   * Adds one finished request to its domain's counters. Past {@value #MAX_DOMAINS} domains, requests
   * of new domains are not counted: with client auth off the domain is any Host header a client
   * sends.
   */
  public void add(String domain, String requestType, long inputTokens, long outputTokens, int toolCalls) {
    DomainCounters counters = domains.get(domain);
    if (counters == null) {
      if (domains.size() >= MAX_DOMAINS) {
        return;
      }
      counters = domains.computeIfAbsent(domain, d -> new DomainCounters());
    }
    counters.add(requestType, inputTokens, outputTokens, toolCalls);
  }

  /** Returns a snapshot of one domain, or {@code null} when it has no requests. */
  public DomainSnapshot snapshot(String domain) {
    DomainCounters counters = domains.get(domain);
    return counters == null ? null : counters.snapshot();
  }

  /** Returns snapshots of every domain, sorted by domain. */
  public Map<String, DomainSnapshot> snapshots() {
    Map<String, DomainSnapshot> result = new TreeMap<>();
    domains.forEach((domain, counters) -> result.put(domain, counters.snapshot()));
    return result;
  }

  /** The counters of one domain, in the original's field names. */
  public record DomainSnapshot(
      long inputTokens,
      long outputTokens,
      long requestCount,
      long queryEvaluationCount,
      long inferenceCount,
      long toolCallCount,
      long lastUpdated) {}

  private static final class DomainCounters {
    private long inputTokens;
    private long outputTokens;
    private long requestCount;
    private long queryEvaluationCount;
    private long inferenceCount;
    private long toolCallCount;
    private long lastUpdated;

    synchronized void add(String requestType, long input, long output, int toolCalls) {
      inputTokens += input;
      outputTokens += output;
      requestCount++;
      if ("query_evaluation".equals(requestType)) {
        queryEvaluationCount++;
      } else if ("inference".equals(requestType)) {
        inferenceCount++;
      }
      toolCallCount += toolCalls;
      lastUpdated = System.currentTimeMillis();
    }

    synchronized DomainSnapshot snapshot() {
      return new DomainSnapshot(inputTokens, outputTokens, requestCount, queryEvaluationCount,
          inferenceCount, toolCallCount, lastUpdated);
    }
  }
}
