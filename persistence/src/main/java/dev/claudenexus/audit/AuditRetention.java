package dev.claudenexus.audit;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

/**
 * Deletes audit events older than {@code AUDIT_RETENTION_DAYS}, in short transactions of one batch
 * each with a pause after every batch, so writers wait at most for one batch.
 */
public final class AuditRetention {

  /** Days an event is kept when {@code AUDIT_RETENTION_DAYS} is not set. */
  public static final int DEFAULT_DAYS = 365;

  /** The largest accepted {@code AUDIT_RETENTION_DAYS}: 100 years. */
  public static final int MAX_DAYS = 36_500;

  private static final Logger LOG = Logger.getLogger(AuditRetention.class.getName());

  private final AuditRepository repository;
  private final int days;
  private final int batchSize;
  private final Duration pause;

  public AuditRetention(AuditRepository repository, int days, int batchSize, Duration pause) {
    this.repository = repository;
    this.days = days;
    this.batchSize = batchSize;
    this.pause = pause;
  }

  /**
   * Parses {@code AUDIT_RETENTION_DAYS}.
   *
   * @param value the configured text, or null for the default
   * @throws IllegalArgumentException when it is not a whole number from 1 to {@value #MAX_DAYS}
   */
  public static int parseDays(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_DAYS;
    }
    int days;
    try {
      days = Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      days = -1;
    }
    if (days < 1 || days > MAX_DAYS) {
      throw new IllegalArgumentException("AUDIT_RETENTION_DAYS must be a whole number of days from 1"
          + " to " + MAX_DAYS + " (default " + DEFAULT_DAYS + "), not \"" + value + "\"");
    }
    return days;
  }

  /**
   * Deletes the events older than the retention period at {@code now}, batch by batch, until none
   * is left or {@code keepGoing} turns false, and returns how many it deleted.
   */
  public long run(Instant now, BooleanSupplier keepGoing) throws SQLException, InterruptedException {
    var cutoff = now.minus(Duration.ofDays(days)).atOffset(ZoneOffset.UTC);
    long deleted = 0;
    int count;
    do {
      count = repository.deleteBefore(cutoff, batchSize);
      deleted += count;
      if (count > 0 && !pause.isZero()) {
        Thread.sleep(pause.toMillis());
      }
    } while (count == batchSize && keepGoing.getAsBoolean());
    long total = deleted;
    if (total > 0) {
      LOG.info(() -> "Audit retention deleted " + total + " events older than " + days + " days");
    }
    return deleted;
  }
}
