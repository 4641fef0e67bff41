package dev.claudenexus.retention;

import dev.claudenexus.schema.DatabaseVendor;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Applies the retention settings to {@code api_requests}. Bodies older than {@code bodyDays} lose
 * their request and response bodies and their stream chunks, and keep every usage column. Requests
 * older than {@code requestDays} are deleted with their chunks and sub-agent launches. The rollups
 * keep counting both, so usage charts and all-time statistics do not change.
 *
 * <p>Each batch is one short transaction by primary key, with a pause after it, so the storage
 * writer and the dashboard wait at most for one batch. The body cleaner remembers how far it got in
 * {@code retention_progress}, so a daily run does not read the rows that earlier runs cleared.
 */
public final class RetentionCleaner {

  /**
   * The retention settings.
   *
   * @param bodyDays age in days after which bodies are removed, or empty to keep them
   * @param requestDays age in days after which requests are deleted, or empty to keep them
   * @param batchSize rows per transaction
   * @param pause time between two batches
   */
  public record Settings(Optional<Integer> bodyDays, Optional<Integer> requestDays, int batchSize,
      Duration pause) {

    public boolean enabled() {
      return bodyDays.isPresent() || requestDays.isPresent();
    }
  }

  /** The outcome of a run: the requests it changed and whether it reached the end. */
  public record Result(long bodiesRemoved, long requestsDeleted, boolean complete) {}

  private static final Logger LOG = Logger.getLogger(RetentionCleaner.class.getName());
  private static final String BODY_PROGRESS = "bodies";
  /**
   * Rows a run changes between two vacuums on PostgreSQL. Removed rows and bodies leave dead space
   * until a vacuum marks it reusable, so vacuuming along the way bounds the table's growth.
   */
  private static final long VACUUM_EVERY_ROWS = 100_000;

  private final DataSource dataSource;
  private final DatabaseVendor vendor;
  private final Settings settings;

  public RetentionCleaner(DataSource dataSource, DatabaseVendor vendor, Settings settings) {
    this.dataSource = dataSource;
    this.vendor = vendor;
    this.settings = settings;
  }

  /**
   * Runs every batch that is due at {@code now} until none is left or {@code keepGoing} turns false,
   * and on PostgreSQL vacuums the table afterwards so the space of removed rows is reused.
   */
  public Result run(Instant now, BooleanSupplier keepGoing) throws SQLException, InterruptedException {
    long deleted = 0;
    long cleared = 0;
    boolean complete = true;
    if (settings.requestDays().isPresent()) {
      OffsetDateTime cutoff = cutoff(now, settings.requestDays().get());
      int count;
      do {
        count = deleteBatch(cutoff);
        deleted += count;
        vacuumEvery(deleted + cleared, count);
        pauseAfter(count);
      } while (count == settings.batchSize() && keepGoing.getAsBoolean());
      complete = count < settings.batchSize();
    }
    if (settings.bodyDays().isPresent() && complete) {
      OffsetDateTime cutoff = cutoff(now, settings.bodyDays().get());
      int count;
      do {
        count = clearBatch(cutoff);
        cleared += count;
        vacuumEvery(deleted + cleared, count);
        pauseAfter(count);
      } while (count == settings.batchSize() && keepGoing.getAsBoolean());
      complete = count < settings.batchSize();
    }
    if (vendor == DatabaseVendor.POSTGRESQL && deleted + cleared > 0) {
      vacuum();
    }
    Result result = new Result(cleared, deleted, complete);
    if (deleted + cleared > 0) {
      LOG.info(() -> "Retention removed the bodies of " + result.bodiesRemoved() + " requests and "
          + result.requestsDeleted() + " whole requests" + (result.complete() ? "" : "; it stopped"
          + " before the end and goes on at its next run"));
    }
    return result;
  }

  private static OffsetDateTime cutoff(Instant now, int days) {
    return now.minus(Duration.ofDays(days)).atOffset(ZoneOffset.UTC);
  }

  /** Vacuums when the last batch of {@code count} rows took the run past a multiple of the interval. */
  private void vacuumEvery(long changed, int count) throws SQLException {
    if (vendor == DatabaseVendor.POSTGRESQL
        && changed / VACUUM_EVERY_ROWS > (changed - count) / VACUUM_EVERY_ROWS) {
      vacuum();
    }
  }

  private void pauseAfter(int count) throws InterruptedException {
    if (count > 0 && !settings.pause().isZero()) {
      Thread.sleep(settings.pause().toMillis());
    }
  }

  /** Deletes the oldest requests before {@code cutoff}, up to one batch, and returns how many. */
  int deleteBatch(OffsetDateTime cutoff) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT request_id FROM"
            + " api_requests WHERE timestamp < ? ORDER BY timestamp, request_id"
            + " FETCH FIRST ? ROWS ONLY")) {
          select.setObject(1, cutoff);
          select.setInt(2, settings.batchSize());
          try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
              ids.add(rs.getObject(1, UUID.class));
            }
          }
        }
        if (ids.isEmpty()) {
          connection.rollback();
          return 0;
        }
        Array batch = uuidArray(connection, ids);
        // Newer requests that point at a deleted one keep their row and lose the reference.
        update(connection, "UPDATE api_requests SET parent_request_id = NULL"
            + " WHERE parent_request_id = ANY(?)", batch);
        update(connection, "UPDATE api_requests SET parent_task_request_id = NULL"
            + " WHERE parent_task_request_id = ANY(?)", batch);
        update(connection, "DELETE FROM streaming_chunks WHERE request_id = ANY(?)", batch);
        update(connection, "DELETE FROM task_invocations WHERE request_id = ANY(?)", batch);
        int count = update(connection, "DELETE FROM api_requests WHERE request_id = ANY(?)", batch);
        connection.commit();
        return count;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    }
  }

  /**
   * Removes the bodies and chunks of the next requests before {@code cutoff}, after the position of
   * the last batch, and returns how many requests the batch covered.
   */
  int clearBatch(OffsetDateTime cutoff) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        Progress from = progress(connection);
        List<UUID> ids = new ArrayList<>();
        OffsetDateTime lastTime = null;
        // The condition timestamp >= ? repeats part of the next one, so that the index walk starts
        // at the position instead of passing every row that earlier batches cleared.
        try (PreparedStatement select = connection.prepareStatement("SELECT request_id, timestamp"
            + " FROM api_requests WHERE timestamp < ? AND timestamp >= ? AND (timestamp > ? OR"
            + " request_id > ?) ORDER BY timestamp, request_id FETCH FIRST ? ROWS ONLY")) {
          select.setObject(1, cutoff);
          select.setObject(2, from.timestamp());
          select.setObject(3, from.timestamp());
          select.setObject(4, from.requestId());
          select.setInt(5, settings.batchSize());
          try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
              ids.add(rs.getObject(1, UUID.class));
              lastTime = rs.getObject(2, OffsetDateTime.class);
            }
          }
        }
        if (ids.isEmpty()) {
          connection.rollback();
          return 0;
        }
        Array batch = uuidArray(connection, ids);
        update(connection, "UPDATE api_requests SET body = NULL, response_body = NULL"
            + " WHERE request_id = ANY(?) AND (body IS NOT NULL OR response_body IS NOT NULL)",
            batch);
        update(connection, "DELETE FROM streaming_chunks WHERE request_id = ANY(?)", batch);
        saveProgress(connection, new Progress(lastTime, ids.get(ids.size() - 1)));
        connection.commit();
        return ids.size();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    }
  }

  /** The position of the body cleaner: the last request whose bodies it removed. */
  private record Progress(OffsetDateTime timestamp, UUID requestId) {
    static final Progress START = new Progress(
        OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), new UUID(0, 0));
  }

  private Progress progress(Connection connection) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT last_timestamp,"
        + " last_request_id FROM retention_progress WHERE kind = ?")) {
      select.setString(1, BODY_PROGRESS);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next()
            ? new Progress(rs.getObject(1, OffsetDateTime.class), rs.getObject(2, UUID.class))
            : Progress.START;
      }
    }
  }

  private void saveProgress(Connection connection, Progress progress) throws SQLException {
    String sql = vendor == DatabaseVendor.POSTGRESQL
        ? "INSERT INTO retention_progress (kind, last_timestamp, last_request_id) VALUES (?, ?, ?)"
            + " ON CONFLICT (kind) DO UPDATE SET last_timestamp = EXCLUDED.last_timestamp,"
            + " last_request_id = EXCLUDED.last_request_id"
        : "MERGE INTO retention_progress (kind, last_timestamp, last_request_id) KEY (kind)"
            + " VALUES (?, ?, ?)";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, BODY_PROGRESS);
      statement.setObject(2, progress.timestamp());
      statement.setObject(3, progress.requestId());
      statement.executeUpdate();
    }
  }

  private void vacuum() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      // VACUUM marks the space of removed rows and bodies for reuse while inserts go on.
      statement.execute("VACUUM (ANALYZE) api_requests");
      statement.execute("VACUUM streaming_chunks");
    }
  }

  private static int update(Connection connection, String sql, Array ids) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setArray(1, ids);
      return statement.executeUpdate();
    }
  }

  private Array uuidArray(Connection connection, List<UUID> ids) throws SQLException {
    return connection.createArrayOf(vendor == DatabaseVendor.POSTGRESQL ? "uuid" : "UUID",
        ids.toArray(new UUID[0]));
  }
}
