package dev.claudenexus.api.query;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * SQL for grouping rows into UTC time buckets. The expression is the same on H2 2.2 and PostgreSQL 15:
 * whole seconds since the epoch, divided by the bucket length.
 */
public final class TimeBuckets {

  private TimeBuckets() {}

  /**
   * Returns an SQL expression for the number of the {@code seconds}-long bucket that contains
   * {@code timestamp}; bucket {@code n} starts at {@code n * seconds} seconds after the epoch.
   */
  public static String bucketNumber(int seconds) {
    if (seconds <= 0) {
      throw new IllegalArgumentException("bucket length must be positive: " + seconds);
    }
    // NOTE: the PostgreSQL migration V7 creates statistics on this exact text for 60, 3600 and
    // 86400 seconds. Changed text or another length still works, but PostgreSQL then expects one
    // group per row and sorts instead of hashing, which made 7-day groupings about twice as slow.
    return "CAST(FLOOR(EXTRACT(EPOCH FROM timestamp) / " + seconds + ") AS BIGINT)";
  }

  /** Returns the start of bucket {@code number} as a UTC time. */
  public static OffsetDateTime start(long number, int seconds) {
    return Instant.ofEpochSecond(number * seconds).atOffset(ZoneOffset.UTC);
  }

  /** Returns the number of the bucket that contains {@code time}. */
  public static long numberOf(OffsetDateTime time, int seconds) {
    return Math.floorDiv(time.toEpochSecond(), seconds);
  }
}
