package dev.claudenexus.api.tokenusage;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;

/**
 * Output tokens and rate-limit warnings per UTC minute, keyed by minutes since the epoch. Sums over
 * time ranges are exact for ranges that start and end on whole minutes.
 */
final class MinuteTotals {

  static final int MINUTE_SECONDS = 60;

  private final TreeMap<Long, long[]> minutes = new TreeMap<>();

  /** Adds the output tokens and the number of rate-limit warnings of one minute. */
  void add(long minute, long outputTokens, long warnings) {
    long[] totals = minutes.computeIfAbsent(minute, m -> new long[2]);
    totals[0] += outputTokens;
    totals[1] += warnings;
  }

  /** Returns the output tokens in {@code [end - window, end)}. */
  long outputTokens(OffsetDateTime end, Duration window) {
    long sum = 0;
    for (long[] totals : range(end, window).values()) {
      sum += totals[0];
    }
    return sum;
  }

  /** Returns whether a response in {@code [end - window, end)} carried a rate-limit warning. */
  boolean warned(OffsetDateTime end, Duration window) {
    return range(end, window).values().stream().anyMatch(totals -> totals[1] > 0);
  }

  private Map<Long, long[]> range(OffsetDateTime end, Duration window) {
    long endMinute = Math.floorDiv(end.toEpochSecond(), MINUTE_SECONDS);
    return minutes.subMap(endMinute - window.toMinutes(), true, endMinute, false);
  }
}
