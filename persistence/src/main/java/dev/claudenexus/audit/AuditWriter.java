package dev.claudenexus.audit;

import dev.claudenexus.journal.LineJournal;
import dev.claudenexus.schema.SchemaMigrator;
import dev.claudenexus.storage.BatchInserter.DataSourceLookup;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Records audit events without waiting for the database. {@link #record} appends the event to the
 * local journal and returns; a writer thread copies the journal into {@code audit_events} in batches
 * every interval and deletes it only after the batches are committed. A crash of the writer or of the
 * process, or a database outage, leaves the events in the journal, so the next pass (or the next
 * start) writes them. The event id keeps a repeated event from being stored twice.
 *
 * <p>NOTE: appends are not forced to disk one by one, so events survive a crash of the process but
 * an operating-system crash can lose those of the last interval. Each war needs its own journal
 * directory, because two writers on one directory would replay each other's files.
 */
public final class AuditWriter {

  private static final Logger LOG = Logger.getLogger(AuditWriter.class.getName());
  private static final long MAX_BACKOFF_MS = 30_000;

  private final LineJournal<AuditEvent> journal;
  private final DataSourceLookup dataSources;
  private final int batchSize;
  private final long intervalMs;
  private final Object wakeUp = new Object();
  private final AtomicLong lostEvents = new AtomicLong();

  private AuditRepository repository;
  private boolean databaseAvailable = true;
  private long backoffMs = 250;
  private long nextAttemptAt;
  private volatile boolean running;
  private Thread thread;

  /**
   * Creates a writer over the journal in {@code journalDirectory}.
   *
   * @param batchSize events per database transaction
   * @param interval time between two passes of the writer thread
   */
  public AuditWriter(Path journalDirectory, DataSourceLookup dataSources, int batchSize,
      Duration interval) {
    this.journal = new LineJournal<>(journalDirectory, new AuditEventJson(), "audit journal");
    this.dataSources = dataSources;
    this.batchSize = batchSize;
    this.intervalMs = interval.toMillis();
  }

  /** Appends the event to the journal; never waits for the database. */
  public void record(AuditEvent event) {
    try {
      journal.append(List.of(event), false);
    } catch (IOException e) {
      long lost = lostEvents.incrementAndGet();
      // The first loss and then every hundredth, so a full disk does not flood the log.
      if (lost == 1 || lost % 100 == 0) {
        LOG.log(Level.SEVERE, "Could not append to the audit journal, so {0} audit events are lost"
            + " so far (the last: {1} of {2}). Check the disk: {3}",
            new Object[] {lost, event.action().code(), event.targetId(), e.toString()});
      }
    }
  }

  /** Starts the writer thread, which first writes what an earlier run left in the journal. */
  public synchronized void start(ThreadFactory threads) {
    running = true;
    thread = threads.newThread(this::run);
    thread.setName("nexus-audit-writer");
    thread.start();
  }

  /** Returns whether the writer thread is running; false after {@link #stop} or a crash of it. */
  public boolean isRunning() {
    return thread != null && thread.isAlive();
  }

  /** Returns whether events wait in the journal. */
  public boolean hasPendingEvents() {
    return journal.hasWork();
  }

  private void run() {
    while (running) {
      flush();
      synchronized (wakeUp) {
        try {
          if (running) {
            wakeUp.wait(intervalMs);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
    flush();
  }

  /**
   * Writes every event of the journal to the database. Errors other than database and disk errors
   * end the calling thread, as a crash would, and leave the events in the journal.
   *
   * @return whether the journal was written completely
   */
  synchronized boolean flush() {
    if (!databaseAvailable && System.currentTimeMillis() < nextAttemptAt) {
      return false;
    }
    try {
      AuditRepository target = repository();
      int written = journal.replay(batchSize, target::insert);
      journal.completeReplay();
      markAvailable(written);
      return true;
    } catch (SQLException e) {
      markUnavailable(e);
      return false;
    } catch (IOException e) {
      LOG.log(Level.SEVERE, "Could not read the audit journal: {0}", e.toString());
      return false;
    } catch (RuntimeException e) {
      // The server's connection wrappers report a broken connection as an unchecked exception.
      markUnavailable(new SQLException(e.toString(), e));
      return false;
    }
  }

  private AuditRepository repository() throws SQLException {
    if (repository == null) {
      DataSource dataSource = dataSources.get();
      repository = new AuditRepository(dataSource, SchemaMigrator.migrate(dataSource));
    }
    return repository;
  }

  private void markAvailable(int written) {
    if (!databaseAvailable) {
      LOG.info(() -> "The database is available again; wrote " + written
          + " audit events from the journal");
    }
    databaseAvailable = true;
    backoffMs = 250;
  }

  private void markUnavailable(SQLException e) {
    if (databaseAvailable) {
      LOG.log(Level.WARNING, "Could not write audit events; they wait in the audit journal and are"
          + " written when the database is back: {0}", e.toString());
    }
    databaseAvailable = false;
    nextAttemptAt = System.currentTimeMillis() + backoffMs;
    backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
  }

  /** Stops the writer thread after a last pass, waiting at most ten seconds. */
  public void stop() {
    running = false;
    synchronized (wakeUp) {
      wakeUp.notifyAll();
    }
    Thread current;
    synchronized (this) {
      current = thread;
    }
    if (current == null) {
      return;
    }
    try {
      current.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
