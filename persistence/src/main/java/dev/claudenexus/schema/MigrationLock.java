package dev.claudenexus.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A PostgreSQL session-level advisory lock that lets one process at a time migrate a database.
 * Flyway's own lock does not cover the creation of its history table, so two processes that find
 * an empty database can both create and baseline that table, and one of them then fails with
 * "Unable to baseline schema history table". Holding this lock around the whole of Flyway's work
 * makes the second process find the table, and the schema up to date, once the first is done.
 *
 * <p>The lock belongs to the connection's database session. It is released by {@link #release}, and
 * by PostgreSQL when that session ends, so a process that dies while migrating does not block the
 * others.
 */
final class MigrationLock {

  /**
   * The advisory lock key: the first 8 bytes of SHA-256("claude-nexus schema migration") as a
   * big-endian long, so other applications on the same server are unlikely to use it.
   */
  static final long KEY = 0x2521445c7d853321L;

  private static final Logger LOG = Logger.getLogger(MigrationLock.class.getName());

  private final Connection connection;

  private MigrationLock(Connection connection) {
    this.connection = connection;
  }

  /**
   * Takes the lock on {@code connection}, waiting while another session holds it. The connection
   * must stay open, and unused by Flyway, until {@link #release}.
   *
   * @throws SQLException when the lock cannot be taken
   */
  static MigrationLock acquire(Connection connection) throws SQLException {
    if (!call(connection, "SELECT pg_try_advisory_lock(?)")) {
      LOG.info("Another process is migrating the database schema; waiting until it is done");
      call(connection, "SELECT true FROM pg_advisory_lock(?)");
    }
    return new MigrationLock(connection);
  }

  /**
   * Releases the lock. A failure is only logged: it means the session is broken, and PostgreSQL
   * releases the lock when the session ends.
   */
  void release() {
    try {
      if (!call(connection, "SELECT pg_advisory_unlock(?)")) {
        LOG.warning("The schema migration lock was not held when it was released");
      }
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "Could not release the schema migration lock; PostgreSQL releases it"
          + " when the database session ends: " + e.getMessage(), e);
    }
  }

  /** Runs a query that takes the key and returns one boolean. */
  private static boolean call(Connection connection, String sql) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, KEY);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getBoolean(1);
      }
    }
  }
}
