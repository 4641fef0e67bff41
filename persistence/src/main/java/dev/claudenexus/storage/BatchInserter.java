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
  /** Requests kept in memory for linking; rows older than these are written by then. */
  private static final int RECENT_LINKS = 10_000;
  private static final Duration SUBTASK_WINDOW = Duration.ofHours(24);

  private final DataSourceLookup dataSources;
  private final StorageJournal journal;
  private RequestRepository repository;
  private volatile boolean databaseAvailable;
  private boolean stateKnown;
  private long backoffMs = 250;
  private long nextAttemptAt;

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
    if (!databaseAvailable && System.currentTimeMillis() < nextAttemptAt) {
      return false;
    }
    try {
      while (journal.hasWork()) {
        // NOTE: a whole journal file is read into memory; after a very long outage with large
        // bodies a replay needs that much heap.
        List<RequestRecord> records = journal.beginReplay();
        for (int start = 0; start < records.size(); start += batchSize) {
          if (!insert(records.subList(start, Math.min(records.size(), start + batchSize)), true)) {
            return false;
          }
        }
        journal.completeReplay();
        if (!records.isEmpty()) {
          LOG.info(() -> "Replayed " + records.size() + " records from the storage journal");
        }
      }
      return true;
    } catch (IOException e) {
      LOG.log(Level.SEVERE, "Could not read the storage journal: {0}", e.toString());
      return false;
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
