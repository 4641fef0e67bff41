package dev.claudenexus.api.query;

import dev.claudenexus.rollup.UsageRollups;
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
    return UsageRollups.bucketNumber(seconds);
  }

  /** Returns the first bucket that starts at or after {@code time}. */
  public static long firstFrom(OffsetDateTime time, int seconds) {
    long number = numberOf(time, seconds);
    boolean atStart = Math.floorMod(time.toEpochSecond(), seconds) == 0 && time.getNano() == 0;
    return atStart ? number : number + 1;
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
