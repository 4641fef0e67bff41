package dev.claudenexus.dashboard.pages;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One UTC day of an account's usage, summed over domains and models.
 *
 * @param costUsd the cost of the priced requests
 */
public record DailyUsageRow(LocalDate date, long requests, long inputTokens, long outputTokens,
    long cacheReadTokens, long cacheCreationTokens, BigDecimal costUsd) {

  DailyUsageRow plus(DailyUsageRow other) {
    return new DailyUsageRow(date, requests + other.requests, inputTokens + other.inputTokens,
        outputTokens + other.outputTokens, cacheReadTokens + other.cacheReadTokens,
        cacheCreationTokens + other.cacheCreationTokens, costUsd.add(other.costUsd));
  }
}
