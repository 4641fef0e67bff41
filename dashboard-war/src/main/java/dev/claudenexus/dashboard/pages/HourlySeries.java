package dev.claudenexus.dashboard.pages;

import dev.claudenexus.api.hourly.HourlyCount;
import dev.claudenexus.api.query.TimeBuckets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hourly values per domain over a fixed run of UTC hours, with a zero for every hour without
 * requests. Domains are sorted by name, so a domain keeps its position and colour in every chart.
 *
 * @param firstHour the start of the first hour
 * @param byDomain per domain, one value per hour, oldest first
 */
public record HourlySeries(OffsetDateTime firstHour, int hours, Map<String, long[]> byDomain) {

  static final int HOUR_SECONDS = 3600;

  /**
   * Spreads {@code counts} over the hours from the one containing {@code since} to the one
   * containing {@code now}, both included. Counts outside those hours are ignored.
   */
  public static HourlySeries of(List<HourlyCount> counts, OffsetDateTime since,
      OffsetDateTime now) {
    long first = TimeBuckets.numberOf(since, HOUR_SECONDS);
    int hours = (int) (TimeBuckets.numberOf(now, HOUR_SECONDS) - first + 1);
    Map<String, long[]> byDomain = new TreeMap<>();
    for (HourlyCount count : counts) {
      long index = TimeBuckets.numberOf(count.hour(), HOUR_SECONDS) - first;
      if (index >= 0 && index < hours) {
        long[] values = byDomain.computeIfAbsent(count.domain(), d -> new long[hours]);
        values[(int) index] += count.count();
      }
    }
    return new HourlySeries(TimeBuckets.start(first, HOUR_SECONDS), hours, byDomain);
  }

  /** Returns the start of hour {@code index}. */
  public OffsetDateTime hour(int index) {
    return firstHour.plusHours(index);
  }

  /** Returns the sum over all domains of each hour. */
  public long[] totals() {
    long[] totals = new long[hours];
    for (long[] values : byDomain.values()) {
      for (int i = 0; i < hours; i++) {
        totals[i] += values[i];
      }
    }
    return totals;
  }

  /** Returns the sum of all hours and domains. */
  public long total() {
    return Arrays.stream(totals()).sum();
  }
}
