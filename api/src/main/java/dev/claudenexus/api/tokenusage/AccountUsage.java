package dev.claudenexus.api.tokenusage;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One account's use of the current rate-limit window: its totals, its last request, its use per
 * domain (busiest first), and the tokens left at points over the window.
 */
public record AccountUsage(String accountId, UsageTotals totals, OffsetDateTime lastRequestTime,
    List<DomainUsage> domains, List<RemainingPoint> miniSeries) {

  /** One domain's output tokens and requests in the window. */
  public record DomainUsage(String domain, long outputTokens, long requests) {}

  /** Tokens left at {@code time}: the limit minus the output tokens of the window before it. */
  public record RemainingPoint(OffsetDateTime time, long remaining) {}
}
