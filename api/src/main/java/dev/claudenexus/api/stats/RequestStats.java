package dev.claudenexus.api.stats;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Totals over the requests of a period. {@code averageDurationMs} is over requests with a duration;
 * {@code costUsd} sums the stored per-request cost, so requests of unpriced models add nothing.
 */
public record RequestStats(
    long requests,
    long inputTokens,
    long outputTokens,
    long cacheCreationTokens,
    long cacheReadTokens,
    long toolCalls,
    long errors,
    double averageDurationMs,
    int activeDomains,
    Map<String, Long> requestsByModel,
    Map<String, Long> requestsByType,
    BigDecimal costUsd) {

  /** Returns input plus output tokens, the original product's total. */
  public long totalTokens() {
    return inputTokens + outputTokens;
  }
}
