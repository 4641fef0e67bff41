package dev.claudenexus.storage;

import dev.claudenexus.conversation.ConversationLinker;
import dev.claudenexus.conversation.HashMode;
import dev.claudenexus.conversation.RecentLinks;
import dev.claudenexus.schema.DatabaseVendor;
import dev.claudenexus.schema.SchemaMigrator;
import java.io.IOException;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Inserts batches for the {@link StorageWriter} and distinguishes an unavailable database from a record
 * that the database rejects. A rejected batch is retried record by record, a rejected record once more
 * with NUL characters removed (PostgreSQL text and jsonb refuse them), and then goes to the
 * dead-letter file.
 */
public final class BatchInserter {

  /** Finds the data source; throws when it is not bound (yet). */
  @FunctionalInterface
  public interface DataSourceLookup {
    DataSource get() throws SQLException;
  }

  private static final Logger LOG = Logger.getLogger(BatchInserter.class.getName());
  private static final long MAX_BACKOFF_MS = 5_000;
  private static final int MAX_LOGGED_MESSAGE = 300;
  /** SQLState of H2's error 90108, "Out of memory". */
  private static final String H2_OUT_OF_MEMORY = "90108";
  /** Requests kept in memory for linking; rows older than these are written by then. */
  private static final int RECENT_LINKS = 10_000;
  private static final Duration SUBTASK_WINDOW = Duration.ofHours(24);
  /**
   * Bytes of journal lines read for one replay batch, beyond which the batch ends early. With
   * STORAGE_BATCH_SIZE records of 50 KB it is rarely reached. It keeps a batch of large records
   * from taking much of the proxy's heap.
   */
  private static final long REPLAY_BATCH_BYTES = 8L * 1024 * 1024;

  private final DataSourceLookup dataSources;
  private final StorageJournal journal;
  private RequestRepository repository;
  private volatile boolean databaseAvailable;
  private boolean stateKnown;
  private long backoffMs = 250;
  private long nextAttemptAt;
  /** Records written by replays since the last "Replayed" log line. */
  private long replayedSinceLog;

  private final SqlLog sqlLog;
  private final HashMode hashMode;
  private final RecentLinks recentLinks = new RecentLinks(RECENT_LINKS);
  private RecordLinker linker;
  private Duration parentWait = Duration.ZERO;

  BatchInserter(DataSourceLookup dataSources, StorageJournal journal) {
    this(dataSources, journal, new SqlLog(false, 0), HashMode.CURRENT);
  }

  /** Creates an inserter that links records with {@code hashMode} and journals under {@code journal}. */
  public static BatchInserter create(DataSourceLookup dataSources, java.nio.file.Path journal,
      HashMode hashMode) {
    return new BatchInserter(dataSources, new StorageJournal(journal), new SqlLog(false, 0), hashMode);
  }

  BatchInserter(
      DataSourceLookup dataSources, StorageJournal journal, SqlLog sqlLog, HashMode hashMode) {
    this.sqlLog = sqlLog;
    this.dataSources = dataSources;
    this.journal = journal;
    this.hashMode = hashMode;
  }

  /**
   * Sets how long a live batch may wait for parent rows that another instance has not committed
   * yet. Call it before the first insert.
   */
  void waitForParents(Duration wait) {
    this.parentWait = wait;
  }

  boolean isDatabaseAvailable() {
    return databaseAvailable;
  }

  /** Migrates the schema at start-up, so the tables exist before the first request is recorded. */
  void prepare() {
    try {
      ensureSchema();
      markAvailable();
    } catch (SQLException e) {
      markUnavailable(e);
    }
  }

  /**
   * Writes a batch.
   *
   * @return {@code false} when the database is unavailable and the caller must keep the records
   */
  public boolean insert(List<RequestRecord> batch) {
    return insert(batch, false);
  }

  private boolean insert(List<RequestRecord> batch, boolean replay) {
    if (!databaseAvailable && System.currentTimeMillis() < nextAttemptAt) {
      return false;
    }
    try (Connection connection = dataSources.get().getConnection()) {
      ensureSchema();
      List<LinkedRecord> linked = linker.link(connection, batch, !replay);
      if (!insertBatch(connection, linked, replay)) {
        insertOneByOne(connection, linked);
      }
      markAvailable();
      return true;
    } catch (SQLException e) {
      markUnavailable(e);
      return false;
    } catch (RuntimeException e) {
      // The application server's connection wrappers report a broken connection as an unchecked
      // exception (an UndeclaredThrowableException around the driver's error).
      markUnavailable(new SQLException(e.getCause() == null ? e.toString() : e.getCause().toString(), e));
      return false;
    }
  }

  /**
   * Writes the journal's records in order.
   *
   * @return {@code true} when the journal is empty afterwards, so newer records may go straight to the
   *     database
   */
  boolean replay(int batchSize) {
    List<RequestRecord> none = new ArrayList<>();
    while (journal.hasWork()) {
      if (!replayNext(batchSize, none)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Writes the journal's next batch merged by start time with the leading records of {@code fresh},
   * and removes the written ones from {@code fresh}. A request starts after the response it
   * continues has ended. So when the journal and {@code fresh} each hold records in the order their
   * responses ended, a parent is written before its child, wherever each of them waited.
   *
   * @param fresh records taken from the memory queue, oldest first
   * @return {@code false} when the database is unavailable or the journal cannot be read; then
   *     the journal's batch comes again and {@code fresh} is unchanged
   */
  boolean replayNext(int batchSize, List<RequestRecord> fresh) {
    if (!databaseAvailable && System.currentTimeMillis() < nextAttemptAt) {
      return false;
    }
    StorageJournal.ReplayBatch next;
    try {
      // Bounded reads, so a journal of any size replays in the heap of a few batches.
      next = journal.nextReplayBatch(batchSize, REPLAY_BATCH_BYTES);
    } catch (IOException e) {
      LOG.log(Level.SEVERE, "Could not read the storage journal: {0}", e.toString());
      logReplayed();
      return false;
    }
    if (next.records().isEmpty()) {
      logReplayed();
      return true;
    }
    List<RequestRecord> merged = new ArrayList<>(next.records().size() + fresh.size());
    int freshTaken = mergeByStart(next.records(), fresh, merged);
    if (!insert(merged, true)) {
      logReplayed();
      return false;
    }
    journal.acknowledge(next);
    fresh.subList(0, freshTaken).clear();
    replayedSinceLog += next.records().size();
    return true;
  }

  /**
   * Adds all of {@code journaled} and the leading records of {@code fresh} that start before the
   * journaled record after them to {@code merged}, by start time. Equal times keep the journal's
   * record first.
   *
   * @return how many records of {@code fresh} were added
   */
  static int mergeByStart(
      List<RequestRecord> journaled, List<RequestRecord> fresh, List<RequestRecord> merged) {
    int freshTaken = 0;
    for (RequestRecord record : journaled) {
      while (freshTaken < fresh.size()
          && fresh.get(freshTaken).timestamp().isBefore(record.timestamp())) {
        merged.add(fresh.get(freshTaken));
        freshTaken++;
      }
      merged.add(record);
    }
    return freshTaken;
  }

  private void logReplayed() {
    long records = replayedSinceLog;
    replayedSinceLog = 0;
    if (records > 0) {
      LOG.info(() -> "Replayed " + records + " records from the storage journal");
    }
  }

  private void ensureSchema() throws SQLException {
    if (repository == null) {
      DatabaseVendor vendor = SchemaMigrator.migrate(dataSources.get());
      boolean originalRows = OriginalRows.exist(dataSources.get(), vendor);
      if (originalRows) {
        LOG.info("The database holds rows hashed by the original product; requests that find no"
            + " parent by their own hashes also look with the original's hashes until"
            + " 'bin/nexus relink' has rehashed those rows");
      }
      linker = new RecordLinker(
          new ConversationLinker(hashMode, SUBTASK_WINDOW, originalRows), recentLinks, false, parentWait);
      repository = new RequestRepository(vendor, sqlLog);
    }
  }

  private boolean insertBatch(Connection connection, List<LinkedRecord> batch, boolean idempotent)
      throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      repository.insert(connection, batch, idempotent);
      connection.commit();
      return true;
    } catch (SQLException e) {
      connection.rollback();
      if (isConnectionFailure(connection, e)) {
        throw e;
      }
      LOG.log(
          Level.WARNING,
          "The database rejected a batch of {0} records; retrying them one by one: {1}",
          new Object[] {batch.size(), describe(e)});
      return false;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private void insertOneByOne(Connection connection, List<LinkedRecord> batch)
      throws SQLException {
    for (LinkedRecord linked : batch) {
      RequestRecord record = linked.record();
      if (insertBatch(connection, List.of(linked), true)) {
        continue;
      }
      LinkedRecord cleaned = linked.withRecord(RecordSanitizer.withoutNulCharacters(record));
      if (insertBatch(connection, List.of(cleaned), true)) {
        LOG.warning(() -> "Stored request " + record.requestId() + " with NUL characters removed");
        continue;
      }
      // A parent that the database rejected earlier is missing, so the references to it fail.
      if (insertBatch(connection, List.of(cleaned.withoutParents()), true)) {
        LOG.warning(() -> "Stored request " + record.requestId()
            + " without its parent request, which is not in the database");
        continue;
      }
      deadLetter(record);
    }
  }

  private void deadLetter(RequestRecord record) {
    try {
      journal.appendDeadLetter(record);
      LOG.severe(
          () ->
              "The database rejected request "
                  + record.requestId()
                  + "; it was written to the dead-letter file of the storage journal");
    } catch (IOException e) {
      LOG.log(
          Level.SEVERE,
          "Request {0} was rejected by the database and could not be written to the dead-letter"
              + " file: {1}",
          new Object[] {record.requestId(), e.toString()});
    }
  }

  private static boolean isConnectionFailure(Connection connection, SQLException e) {
    String state = e.getSQLState();
    if (state != null && state.startsWith("08")) {
      return true;
    }
    // H2 reports a heap that ran out while it wrote the batch with its own code. Retrying the
    // records one by one would send them to the dead-letter file, so the batch waits in the journal.
    if (H2_OUT_OF_MEMORY.equals(state)) {
      return true;
    }
    try {
      return !connection.isValid(2);
    } catch (SQLException validationFailure) {
      return true;
    }
  }

  /**
   * Returns the database's own error in at most about 300 characters. PostgreSQL's driver puts the
   * whole statement with every bound value (request and response bodies) into the message of a
   * batch error, so that message is replaced by the server error it chains.
   */
  static String describe(SQLException e) {
    SQLException error = e;
    if (e instanceof BatchUpdateException && e.getNextException() != null) {
      error = e.getNextException();
    }
    String message = String.valueOf(error.getMessage());
    if (message.length() > MAX_LOGGED_MESSAGE) {
      message = message.substring(0, MAX_LOGGED_MESSAGE) + "...";
    }
    return message + " (SQLState " + error.getSQLState() + ")";
  }

  private void markAvailable() {
    if (stateKnown && !databaseAvailable) {
      LOG.info("The database is available again");
    }
    stateKnown = true;
    databaseAvailable = true;
    backoffMs = 250;
  }

  private void markUnavailable(SQLException e) {
    if (databaseAvailable || !stateKnown) {
      LOG.log(
          Level.WARNING,
          "The database is unavailable; records go to the storage journal until it returns: {0}",
          describe(e));
    }
    stateKnown = true;
    databaseAvailable = false;
    nextAttemptAt = System.currentTimeMillis() + backoffMs;
    backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
  }
}
