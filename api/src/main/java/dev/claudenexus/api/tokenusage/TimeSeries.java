package dev.claudenexus.api.tokenusage;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Output tokens of the rate-limit window at points over time. At each point {@code t}, on a whole
 * multiple of the interval, {@code windowTokens} sums {@code [t - window, t)} and
 * {@code intervalTokens} sums {@code [t - interval, t)}.
 */
record TimeSeries(Duration window, Duration interval, List<Point> points, BigDecimal costUsd) {

  record Point(OffsetDateTime time, long intervalTokens, long windowTokens) {}

  /** Builds the series over the {@code window} before {@code now} from per-minute totals. */
  static List<Point> points(MinuteTotals minutes, OffsetDateTime now, Duration window,
      Duration interval) {
    List<Point> points = new ArrayList<>();
    for (OffsetDateTime time : TimePoints.endingAfter(now, window, interval)) {
      points.add(new Point(time, minutes.outputTokens(time, interval),
          minutes.outputTokens(time, window)));
    }
    return points;
  }
}
