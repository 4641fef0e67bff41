package dev.claudenexus.dashboard.pages;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The summary cards of the domain stats page.
 *
 * @param total the requests of the period
 * @param averagePerHour {@code total} divided by the hours of the period
 * @param peakHour the start of the busiest hour (the earliest one on a tie), or empty without
 *     requests
 * @param peakCount the requests of the busiest hour
 * @param activeHours the hours with at least one request
 */
public record HourlySummary(long total, double averagePerHour, Optional<OffsetDateTime> peakHour,
    long peakCount, int activeHours) {

  /** Sums the hourly request counts of a period that lasts {@code periodHours} hours. */
  public static HourlySummary of(HourlySeries requests, int periodHours) {
    long[] totals = requests.totals();
    long total = 0;
    int peakIndex = -1;
    int active = 0;
    for (int i = 0; i < totals.length; i++) {
      total += totals[i];
      if (totals[i] > 0) {
        active++;
        if (peakIndex < 0 || totals[i] > totals[peakIndex]) {
          peakIndex = i;
        }
      }
    }
    return new HourlySummary(total, periodHours <= 0 ? 0 : (double) total / periodHours,
        peakIndex < 0 ? Optional.empty() : Optional.of(requests.hour(peakIndex)),
        peakIndex < 0 ? 0 : totals[peakIndex], active);
  }
}
