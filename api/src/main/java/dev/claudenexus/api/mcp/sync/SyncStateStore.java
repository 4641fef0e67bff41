package dev.claudenexus.api.mcp.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/**
 * The sync state in the table {@code mcp_sync_state}, shared by every instance on the database. A
 * sync runs only while its instance holds the row's lease; a lease that is not released (the
 * instance died) ends by itself after its duration.
 */
public final class SyncStateStore {

  private static final String UNIQUE_VIOLATION = "23505";
  /** Longest stored error text, the column's size. */
  static final int MAX_ERROR_LENGTH = 2_000;

  private final DataSource dataSource;
  private final Clock clock;

  public SyncStateStore(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /**
   * Takes the lease of the key for {@code owner}, unless another owner holds a lease that has not
   * ended.
   *
   * @return whether the lease was taken
   */
  public boolean tryLock(String key, String owner, Duration lease) throws SQLException {
    OffsetDateTime now = now();
    try (Connection connection = dataSource.getConnection()) {
      insertIfMissing(connection, key);
      try (PreparedStatement update = connection.prepareStatement("UPDATE mcp_sync_state"
          + " SET locked_by = ?, locked_until = ? WHERE sync_key = ?"
          + " AND (locked_until IS NULL OR locked_until < ?)")) {
        update.setString(1, owner);
        update.setObject(2, now.plus(lease));
        update.setString(3, key);
        update.setObject(4, now);
        return update.executeUpdate() == 1;
      }
    }
  }

  /** Records the result of a sync and releases the owner's lease. */
  public void finish(String key, String owner, String status, String commit, String error)
      throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement("UPDATE mcp_sync_state"
            + " SET sync_status = ?, last_commit_sha = ?, last_sync_at = ?, last_error = ?,"
            + " locked_by = NULL, locked_until = NULL WHERE sync_key = ? AND locked_by = ?")) {
      update.setString(1, status);
      update.setString(2, commit);
      update.setObject(3, now());
      update.setString(4, error == null || error.length() <= MAX_ERROR_LENGTH
          ? error : error.substring(0, MAX_ERROR_LENGTH));
      update.setString(5, key);
      update.setString(6, owner);
      update.executeUpdate();
    }
  }

  /** Returns the status of the key, {@code never_synced} when no sync has started yet. */
  public SyncStatus status(String key) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement("SELECT sync_status, last_commit_sha,"
            + " last_sync_at, last_error, locked_until FROM mcp_sync_state WHERE sync_key = ?")) {
      select.setString(1, key);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return SyncStatus.NEVER_SYNCED;
        }
        OffsetDateTime lockedUntil = row.getObject(5, OffsetDateTime.class);
        return new SyncStatus(row.getString(1), row.getString(2),
            row.getObject(3, OffsetDateTime.class), row.getString(4),
            lockedUntil != null && lockedUntil.isAfter(now()));
      }
    }
  }

  private static void insertIfMissing(Connection connection, String key) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO mcp_sync_state"
        + " (sync_key, sync_status) SELECT ?, 'never_synced' WHERE NOT EXISTS"
        + " (SELECT 1 FROM mcp_sync_state WHERE sync_key = ?)")) {
      insert.setString(1, key);
      insert.setString(2, key);
      insert.executeUpdate();
    } catch (SQLException e) {
      // Another instance inserted the row at the same moment; the row is there, which is all we need.
      if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw e;
      }
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }
}
