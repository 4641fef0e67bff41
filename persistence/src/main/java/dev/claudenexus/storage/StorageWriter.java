package dev.claudenexus.storage;

import dev.claudenexus.config.NexusPaths;
import dev.claudenexus.conversation.HashMode;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes recorded requests to the database on its own thread, in batches.
 *
 * <p>{@link #submit} never waits for the database. It puts the record in a bounded queue or, when the
 * queue is full, in an overflow queue that a second thread appends to the journal in groups, one disk
 * flush per group. Only when both queues are full does the caller append to the journal itself and
 * wait for the disk. While the database is unavailable, batches go to the journal, and the writer
 * replays the journal in order once a connection succeeds again. A restart replays what is left.
 * While the journal holds only records that overflowed the queues, each replayed batch also takes
 * the queued records that started before its records. So the queue keeps moving during a long
 * replay under load, and a parent in memory is written before its child in the journal. Once the
 * writer has journaled records because the database failed, the journal is no longer in the order
 * the responses ended, so queued records wait until the journal is empty.
 */
@ApplicationScoped
public class StorageWriter {

  private static final Logger LOG = Logger.getLogger(StorageWriter.class.getName());

  @Inject
  @ConfigProperty(name = "STORAGE_ENABLED", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "STORAGE_QUEUE_CAPACITY", defaultValue = "10000")
  int queueCapacity;

  @Inject
  @ConfigProperty(name = "STORAGE_BATCH_SIZE", defaultValue = "100")
  int batchSize;

  @Inject
  @ConfigProperty(name = "DEBUG_SQL", defaultValue = "false")
  boolean debugSql;

  @Inject
  @ConfigProperty(name = "SLOW_QUERY_THRESHOLD_MS", defaultValue = "5000")
  long slowQueryThresholdMs;

  @Inject
  @ConfigProperty(name = "CONVERSATION_HASH_MODE", defaultValue = "current")
  String hashMode;

  private static final int SPILL_GROUP = 500;
  static final long MAX_LINK_PARENT_WAIT_MS = 10_000;

  /** How long a batch waits for parent rows that another instance has not committed yet. */
  @Inject
  @ConfigProperty(name = "LINK_PARENT_WAIT_MS", defaultValue = "0")
  long linkParentWaitMs;

  @Inject
  @ConfigProperty(name = "STORAGE_QUEUE_MAX_BYTES", defaultValue = "33554432")
  long queueMaxBytes;

  private BoundedRecordQueue queue;
  private BoundedRecordQueue overflow;
  private Thread spillThread;
  private StorageJournal journal;
  private BatchInserter inserter;
  private Thread thread;
  private volatile boolean running;
  private volatile BatchObserver batchObserver = BatchObserver.NONE;
  /** Whether the writer thread journaled records after a database failure since the journal was empty. */
  private volatile boolean journaledAfterFailure;

  /**
   * Starts the writer as configured. Only the proxy calls this: the dashboard shares the data
   * directory, and a second writer there would replay the proxy's journal at the same time.
   */
  public void start() {
    if (!enabled) {
      LOG.warning("STORAGE_ENABLED=false: requests are forwarded but not recorded");
      return;
    }
    HashMode mode = HashMode.parse(hashMode);
    StorageJournal journal = new StorageJournal(NexusPaths.dataDirectory().resolve("journal"));
    BatchInserter inserter = new BatchInserter(
        DataSources::nexus, journal, new SqlLog(debugSql, slowQueryThresholdMs), mode);
    inserter.waitForParents(parentWait(linkParentWaitMs));
    start(threadFactory(), journal, inserter);
    LOG.info("Storage writer started");
  }

  /** Returns the parent wait of {@code LINK_PARENT_WAIT_MS}, or none for a value out of range. */
  static Duration parentWait(long millis) {
    if (millis < 0 || millis > MAX_LINK_PARENT_WAIT_MS) {
      LOG.warning(() -> "LINK_PARENT_WAIT_MS=" + millis + " is invalid; use 0 to "
          + MAX_LINK_PARENT_WAIT_MS + " ms. Requests are linked without waiting for parent rows");
      return Duration.ZERO;
    }
    return Duration.ofMillis(millis);
  }

  /** Starts the writer and spill threads. {@link #start()} calls it with the container's parts. */
  void start(ThreadFactory threads, StorageJournal journal, BatchInserter inserter) {
    this.journal = journal;
    this.inserter = inserter;
    queue = new BoundedRecordQueue(queueCapacity, queueMaxBytes);
    overflow = new BoundedRecordQueue(queueCapacity, queueMaxBytes);
    running = true;
    thread = threads.newThread(this::run);
    thread.setName("nexus-storage-writer");
    thread.start();
    spillThread = threads.newThread(this::spill);
    spillThread.setName("nexus-storage-spill");
    spillThread.start();
  }

  /** Hands a record to the writer; returns at once. */
  public void submit(RequestRecord record) {
    if (queue == null) {
      return;
    }
    if (!queue.offer(record) && !overflow.offer(record)) {
      appendToJournal(List.of(record));
    }
  }

  /** Returns whether storage is enabled. */
  public boolean isEnabled() {
    return queue != null;
  }

  /** Returns whether the last database operation succeeded. */
  public boolean isDatabaseAvailable() {
    return inserter != null && inserter.isDatabaseAvailable();
  }

  /** Returns the number of bytes waiting in the journal. */
  public long journalBytes() {
    return journal == null ? 0 : journal.pendingBytes();
  }

  /** Sets the observer of batch durations; {@link BatchObserver#NONE} by default. */
  public void observeBatches(BatchObserver observer) {
    batchObserver = observer == null ? BatchObserver.NONE : observer;
  }

  /** Returns whether replayed batches take queued records that started earlier; for tests. */
  boolean mergesQueuedRecords() {
    return !journaledAfterFailure;
  }

  /** Returns the number of records waiting in memory. */
  public int queuedRecords() {
    return queue == null ? 0 : queue.size() + overflow.size();
  }

  private void run() {
    try {
      inserter.prepare();
    } catch (OutOfMemoryError e) {
      // The first batch checks the schema again.
      LOG.log(Level.SEVERE, "Ran out of heap while checking the database schema", e);
    }
    // Records taken from the queue and not yet stored or journaled, oldest first.
    List<RequestRecord> batch = new ArrayList<>(batchSize);
    while (running || !queue.isEmpty()) {
      try {
        if (journal.hasWork()) {
          replayNext(batch);
        } else {
          journaledAfterFailure = false;
          writeNext(batch);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "Storage writer failed; the batch goes to the journal", e);
        journalAfterFailure(batch);
        // A failure that repeats would otherwise fill the log as fast as the loop runs.
        pauseAfterFailure();
      } catch (OutOfMemoryError e) {
        // A dead writer thread would stop storage until a restart, so it journals and goes on.
        LOG.log(Level.SEVERE, "Ran out of heap while storing " + batch.size() + " records; the batch"
            + " goes to the journal. Give the proxy more heap (NEXUS_JAVA_OPTS -Xmx)", e);
        journalAfterFailure(batch);
        pauseAfterFailure();
      }
    }
    queue.drainTo(batch);
    appendToJournal(batch);
  }

  /**
   * Writes the journal's next batch, with the queued records that started before its records unless
   * records were journaled after a database failure. When the database is unavailable, the records
   * taken from the queue go to the journal behind the older ones.
   */
  private void replayNext(List<RequestRecord> batch) throws InterruptedException {
    List<RequestRecord> merged = journaledAfterFailure ? new ArrayList<>() : batch;
    if (!journaledAfterFailure) {
      queue.drainTo(batch, batchSize - batch.size());
    }
    if (!inserter.replayNext(batchSize, merged)) {
      journalAfterFailure(batch);
      // Waits for the next record, so an unavailable database does not spin this loop.
      drain(batch);
    }
  }

  /** Writes the queued records, or journals them when the database is unavailable. */
  private void writeNext(List<RequestRecord> batch) throws InterruptedException {
    if (batch.isEmpty()) {
      drain(batch);
    } else {
      queue.drainTo(batch, batchSize - batch.size());
    }
    if (!batch.isEmpty() && !timedInsert(batch)) {
      journalAfterFailure(batch);
    }
    batch.clear();
  }

  /** Appends records that could not be stored to the journal and empties the list. */
  private void journalAfterFailure(List<RequestRecord> batch) {
    if (!batch.isEmpty()) {
      journaledAfterFailure = true;
    }
    appendToJournal(batch);
    batch.clear();
  }

  private boolean timedInsert(List<RequestRecord> batch) {
    long start = System.nanoTime();
    boolean stored = inserter.insert(batch);
    batchObserver.batchFinished(batch.size(), System.nanoTime() - start, stored);
    return stored;
  }

  /**
   * Appends overflowing records to the journal in groups, so request threads do not wait for the
   * disk. NOTE: a spilled record can reach the journal before an older record that the writer
   * journals later, so after an outage under overload a child may be replayed before its parent
   * and then start a conversation of its own.
   */
  private void spill() {
    List<RequestRecord> group = new ArrayList<>(SPILL_GROUP);
    while (running || !overflow.isEmpty()) {
      try {
        RequestRecord first = overflow.poll(200, TimeUnit.MILLISECONDS);
        if (first != null) {
          group.add(first);
          overflow.drainTo(group, SPILL_GROUP - 1);
          appendToJournal(group);
          group.clear();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (OutOfMemoryError e) {
        // The group stays in memory and is written at the next pass. Records already appended are
        // appended again, which replay tolerates. A dead spill thread would lose all later overflow.
        LOG.log(Level.SEVERE, "Ran out of heap while writing {0} records to the storage journal;"
            + " retrying. Give the proxy more heap (NEXUS_JAVA_OPTS -Xmx)", group.size());
        pauseAfterFailure();
      }
    }
    overflow.drainTo(group);
    appendToJournal(group);
  }

  private static void pauseAfterFailure() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void drain(List<RequestRecord> batch) throws InterruptedException {
    RequestRecord first = queue.poll(200, TimeUnit.MILLISECONDS);
    if (first != null) {
      batch.add(first);
      queue.drainTo(batch, batchSize - 1);
    }
  }

  /**
   * Appends records to the journal with any pending interrupt set aside. An interrupt would close
   * the file channel at its first write and lose the records, and shutdown interrupts the writers.
   */
  private void appendToJournal(List<RequestRecord> records) {
    if (records.isEmpty()) {
      return;
    }
    boolean interrupted = Thread.interrupted();
    try {
      try {
        journal.append(records);
      } catch (ClosedByInterruptException e) {
        // Interrupted during the write, so append again. Replay skips a line cut short and
        // tolerates records written twice, as after a crash.
        interrupted |= Thread.interrupted();
        journal.append(records);
      }
    } catch (IOException e) {
      LOG.log(
          Level.SEVERE,
          "Could not write {0} records to the storage journal; they are lost. Check the disk: {1}",
          new Object[] {records.size(), e.toString()});
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static ManagedThreadFactory threadFactory() {
    try {
      return (ManagedThreadFactory) new InitialContext().lookup("java:comp/DefaultManagedThreadFactory");
    } catch (NamingException e) {
      throw new IllegalStateException("The container's default managed thread factory is missing", e);
    }
  }

  @PreDestroy
  void stop() {
    running = false;
    if (thread == null) {
      return;
    }
    try {
      thread.join(TimeUnit.SECONDS.toMillis(10));
      spillThread.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LOG.info("Storage writer stopped");
  }
}
