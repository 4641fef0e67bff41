package dev.claudenexus.api.tokenusage;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Computes the sliding-window analysis from per-minute totals of responses with stored headers. */
public final class SlidingWindowQuery {

  private final Connection connection;

  public SlidingWindowQuery(Connection connection) {
    this.connection = connection;
  }

  /**
   * Returns every {@code bucket} of the {@code days} before {@code now}, oldest first. The last one
   * contains {@code now}. Each covers the {@code window} that ends where the bucket ends.
   */
  public List<SlidingWindowBucket> buckets(OffsetDateTime now, Optional<String> accountId, int days,
      Duration bucket, Duration window) throws SQLException {
    List<OffsetDateTime> ends = TimePoints.endingAfter(now, Duration.ofDays(days), bucket);
    MinuteTotals minutes = new MinuteTotalsQuery(connection).totals(
        ends.get(0).minus(window), ends.get(ends.size() - 1), accountId, true);
    List<SlidingWindowBucket> buckets = new ArrayList<>(ends.size());
    for (OffsetDateTime end : ends) {
      buckets.add(new SlidingWindowBucket(end.minus(bucket), minutes.outputTokens(end, window),
          minutes.warned(end, window)));
    }
    return buckets;
  }
}
