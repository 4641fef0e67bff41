package dev.claudenexus.analysis.job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Serialises the first use of the batch runtime across the instances that share one PostgreSQL
 * database. Payara creates its batch tables on that first use when they are missing, and two
 * instances that start together on a new database both try to. The second then fails with a
 * duplicate key in {@code pg_type} and its deployment fails.
 */
final class BatchTablesLock {

  /** Key of the PostgreSQL advisory lock: the ASCII codes of "NEXUSBAT", used by nothing else. */
  static final long LOCK_KEY = 0x4E45585553424154L;

  private static final Logger LOG = Logger.getLogger(BatchTablesLock.class.getName());

  private BatchTablesLock() {}

  /**
   * Runs {@code action} while this process has the lock on PostgreSQL. On other databases, or
   * when the lock cannot be taken, it runs the action without the lock and logs why.
   */
  static void run(DataSource dataSource, Runnable action) {
    boolean ran = false;
    try (Connection connection = dataSource.getConnection()) {
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        ran = true;
        action.run();
        return;
      }
      execute(connection, "SELECT pg_advisory_lock(?)");
      try {
        ran = true;
        action.run();
      } finally {
        execute(connection, "SELECT pg_advisory_unlock(?)");
      }
    } catch (SQLException e) {
      if (ran) {
        // An unlock fails when the connection broke, and the lock ends with that session.
        LOG.log(Level.WARNING, "Could not release the batch table lock: " + e, e);
        return;
      }
      LOG.log(Level.WARNING, "Could not take the batch table lock; resuming analysis runs without it: "
          + e, e);
      action.run();
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, LOCK_KEY);
      statement.execute();
    }
  }
}
