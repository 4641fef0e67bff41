package dev.claudenexus.api.tokenusage;

import dev.claudenexus.api.query.TimeBuckets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Points in time on whole multiples of a step since the epoch (UTC), for chart series. */
final class TimePoints {

  private TimePoints() {}

  /**
   * Returns the step boundaries from {@code span} before {@code now} up to the first boundary after
   * {@code now}, oldest first. The last point's window thus includes {@code now}.
   */
  static List<OffsetDateTime> endingAfter(OffsetDateTime now, Duration span, Duration step) {
    int seconds = Math.toIntExact(step.toSeconds());
    long last = TimeBuckets.numberOf(now, seconds) + 1;
    long first = last - span.toSeconds() / seconds;
    List<OffsetDateTime> points = new ArrayList<>();
    for (long n = first; n <= last; n++) {
      points.add(TimeBuckets.start(n, seconds));
    }
    return points;
  }
}
