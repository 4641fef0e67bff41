package dev.claudenexus.storage;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Logs the storage writer's statements: with {@code DEBUG_SQL} every batch with its SQL, the ids of
 * its rows and its time; always a warning for a batch slower than {@code SLOW_QUERY_THRESHOLD_MS}.
 * Request and response bodies are never logged, because they can contain secrets the users pasted.
 */
final class SqlLog {

  private static final Logger LOG = Logger.getLogger(SqlLog.class.getName());

  private final boolean debug;
  private final long slowThresholdMs;

  SqlLog(boolean debug, long slowThresholdMs) {
    this.debug = debug;
    this.slowThresholdMs = slowThresholdMs;
  }

  void batch(String sql, List<RequestRecord> records, long elapsedNanos) {
    long elapsedMs = elapsedNanos / 1_000_000;
    boolean slow = slowThresholdMs > 0 && elapsedMs >= slowThresholdMs;
    if (!debug && !slow) {
      return;
    }
    String rows = records.stream()
        .map(r -> r.requestId() + " (" + r.domain() + ", " + r.model() + ")")
        .collect(Collectors.joining(", "));
    LOG.log(slow ? Level.WARNING : Level.INFO, "{0}SQL {1} ms, {2} rows [{3}]: {4}",
        new Object[] {slow ? "Slow " : "", elapsedMs, records.size(), rows, sql});
  }
}
