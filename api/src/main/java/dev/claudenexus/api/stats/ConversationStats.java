package dev.claudenexus.api.stats;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** Totals over the requests linked into conversations, for {@code /api/dashboard/stats}. */
public record ConversationStats(
    long conversations,
    long activeUsers,
    long requests,
    long tokens,
    BigDecimal costUsd,
    Branches branches,
    List<String> models,
    Recent last24Hours,
    List<HourlyActivity> hourlyActivity) {

  /** Counts of distinct (conversation, branch) pairs, by the kind their branch name shows. */
  public record Branches(long total, long subtask, long compact) {}

  /** Activity of the last 24 hours. */
  public record Recent(long requests, long conversations, long activeUsers) {}

  /** One UTC hour of the last 24; {@code hour} is its start. */
  public record HourlyActivity(OffsetDateTime hour, long requests, long tokens) {}
}
