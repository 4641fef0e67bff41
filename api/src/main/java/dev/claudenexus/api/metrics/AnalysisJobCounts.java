package dev.claudenexus.api.metrics;

import dev.claudenexus.analysis.AnalysisStatus;
import dev.claudenexus.storage.DataSources;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Counts the rows of {@code conversation_analyses} by status for a gauge. One query serves every
 * status and is repeated at most once per {@link #MAX_AGE_MS}, so frequent scrapes do not load the
 * database. While the database is unavailable the last counts are kept.
 */
final class AnalysisJobCounts {

  static final long MAX_AGE_MS = 10_000;
  private static final Logger LOG = Logger.getLogger(AnalysisJobCounts.class.getName());

  private final CountQuery query;
  private final LongSupplier nanoClock;
  private Map<AnalysisStatus, Long> counts = new EnumMap<>(AnalysisStatus.class);
  private long readAt;
  private boolean read;
  private boolean failing;

  /** Reads the counts of the rows. */
  @FunctionalInterface
  interface CountQuery {
    Map<AnalysisStatus, Long> run() throws SQLException;
  }

  AnalysisJobCounts() {
    this(AnalysisJobCounts::query, System::nanoTime);
  }

  AnalysisJobCounts(CountQuery query, LongSupplier nanoClock) {
    this.query = query;
    this.nanoClock = nanoClock;
  }

  /**
   * Returns the number of analyses with the status from the last successful read, which is at most
   * {@link #MAX_AGE_MS} old unless the database is unavailable.
   */
  synchronized long count(AnalysisStatus status) {
    long now = nanoClock.getAsLong();
    if (!read || now - readAt > TimeUnit.MILLISECONDS.toNanos(MAX_AGE_MS)) {
      refresh(now);
    }
    return counts.getOrDefault(status, 0L);
  }

  private void refresh(long now) {
    try {
      counts = query.run();
      if (failing) {
        LOG.info("Counting the analyses works again");
      }
      failing = false;
    } catch (SQLException e) {
      if (!failing) {
        LOG.log(Level.WARNING, "Could not count the analyses for the metrics; the last counts are"
            + " kept until the database answers: {0}", e.toString());
      }
      failing = true;
    }
    read = true;
    readAt = now;
  }

  private static Map<AnalysisStatus, Long> query() throws SQLException {
    Map<AnalysisStatus, Long> counts = new EnumMap<>(AnalysisStatus.class);
    try (Connection connection = DataSources.nexus().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT status, COUNT(*) FROM conversation_analyses GROUP BY status")) {
      while (rows.next()) {
        for (AnalysisStatus status : AnalysisStatus.values()) {
          if (status.value().equals(rows.getString(1))) {
            counts.put(status, rows.getLong(2));
          }
        }
      }
    }
    return counts;
  }
}
