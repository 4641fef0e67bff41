package dev.claudenexus.api.changes;

import dev.claudenexus.api.ContainerResources;
import dev.claudenexus.schema.DatabaseVendor;
import dev.claudenexus.storage.ChangeNotices;
import dev.claudenexus.storage.DataSources;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Calls its listeners when stored data may have changed. One thread per war, started by the first
 * listener, keeps a database connection open. On PostgreSQL it listens on {@link
 * ChangeNotices#CHANNEL}, whose notices arrive as soon as a writer's transaction commits. On H2 it
 * counts the stored requests and reads the newest change of the analyses every {@value
 * #H2_CHECK_INTERVAL_MS} ms. After the connection fails,
 * and after each (re)connect, the listeners are called too, because a change may have been missed.
 *
 * <p>Listeners run on that thread, so they must hand slow work to an executor.
 */
@ApplicationScoped
public class StorageChanges {

  static final long H2_CHECK_INTERVAL_MS = 500;
  /** Timeout of one wait for notices, and so the delay before the thread stops with the war. */
  private static final int NOTICE_WAIT_MS = 1000;
  private static final long MAX_RETRY_DELAY_MS = 10_000;
  private static final Logger LOG = Logger.getLogger(StorageChanges.class.getName());

  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private volatile boolean closed;
  private Thread thread;

  /** Adds a listener and starts watching the database if this is the first one. */
  public void addListener(Runnable listener) {
    listeners.add(listener);
    startOnce();
  }

  private synchronized void startOnce() {
    if (thread != null || closed) {
      return;
    }
    thread = ContainerResources.threadFactory().newThread(this::watch);
    thread.setName("nexus-storage-changes");
    thread.setDaemon(true);
    thread.start();
  }

  private void watch() {
    long retryDelayMs = 500;
    boolean failing = false;
    while (!closed) {
      try (Connection connection = DataSources.nexus().getConnection()) {
        DatabaseVendor vendor = DatabaseVendor.of(connection);
        if (failing) {
          LOG.info("Watching the database for changes again");
          failing = false;
        }
        retryDelayMs = 500;
        if (vendor == DatabaseVendor.POSTGRESQL) {
          listen(connection);
        } else {
          countRequests(connection);
        }
      } catch (SQLException | RuntimeException e) {
        if (!failing) {
          LOG.log(Level.WARNING, "Lost the database connection that watches for stored changes;"
              + " caches and request streams may lag until it is back: " + e, e);
          failing = true;
        }
      }
      if (closed) {
        return;
      }
      changed();
      pause(retryDelayMs);
      retryDelayMs = Math.min(MAX_RETRY_DELAY_MS, retryDelayMs * 2);
    }
  }

  private void listen(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("LISTEN " + ChangeNotices.CHANNEL);
    }
    PGConnection notices = connection.unwrap(PGConnection.class);
    LOG.info(() -> "Listening for PostgreSQL notices on " + ChangeNotices.CHANNEL);
    changed();
    while (!closed) {
      PGNotification[] received = notices.getNotifications(NOTICE_WAIT_MS);
      if (received != null && received.length > 0) {
        changed();
      }
    }
  }

  private void countRequests(Connection connection) throws SQLException {
    LOG.info(() -> "Counting stored requests every " + H2_CHECK_INTERVAL_MS
        + " ms to notice changes (H2 has no change notices)");
    String previous = null;
    try (PreparedStatement count = connection.prepareStatement("SELECT (SELECT COUNT(*) FROM"
        + " api_requests), (SELECT MAX(updated_at) FROM conversation_analyses)")) {
      while (!closed) {
        String current;
        try (ResultSet rs = count.executeQuery()) {
          rs.next();
          current = rs.getLong(1) + "/" + rs.getString(2);
        }
        if (!current.equals(previous)) {
          previous = current;
          changed();
        }
        pause(H2_CHECK_INTERVAL_MS);
      }
    }
  }

  private void changed() {
    for (Runnable listener : listeners) {
      try {
        listener.run();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "A listener of stored changes failed", e);
      }
    }
  }

  private void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }

  @PreDestroy
  synchronized void close() {
    closed = true;
    if (thread != null) {
      thread.interrupt();
    }
  }
}
