package dev.claudenexus.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.claudenexus.config.DatabaseUrl;
import dev.claudenexus.testing.TestDatabase;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

class BatchInserterUnavailableTest {

  @TempDir Path journalDirectory;

  private static BatchInserter.DataSourceLookup unbound() {
    return () -> {
      throw new SQLException("The data source jdbc/nexus is not available", "08001");
    };
  }

  /** Returns a loopback port that was free a moment ago, so connecting to it is refused. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test
  void lookupFailureMakesInsertFail() {
    BatchInserter inserter = new BatchInserter(unbound(), new StorageJournal(journalDirectory));

    assertFalse(inserter.insert(List.of(RecordBuilder.full().build())));
  }

  @Test
  void lookupFailureMarksDatabaseUnavailable() {
    BatchInserter inserter = new BatchInserter(unbound(), new StorageJournal(journalDirectory));

    inserter.insert(List.of(RecordBuilder.full().build()));

    assertFalse(inserter.isDatabaseAvailable());
  }

  @Test
  void closedPortMakesInsertFail() throws IOException {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://postgres@127.0.0.1:" + closedPort() + "/postgres");
    PGSimpleDataSource closed = TestDatabase.postgresDataSource(url, url.database());
    BatchInserter inserter = new BatchInserter(() -> closed, new StorageJournal(journalDirectory));

    assertFalse(inserter.insert(List.of(RecordBuilder.full().build())));
    assertFalse(inserter.isDatabaseAvailable());
  }

  @Test
  void failedInsertLeavesJournalEmpty() {
    StorageJournal journal = new StorageJournal(journalDirectory);
    BatchInserter inserter = new BatchInserter(unbound(), journal);

    inserter.insert(List.of(RecordBuilder.full().build()));

    assertFalse(journal.hasWork());
  }

  @Test
  void failedReplayKeepsJournal() throws IOException {
    StorageJournal journal = new StorageJournal(journalDirectory);
    List<RequestRecord> records = List.of(RecordBuilder.full().build(), RecordBuilder.full().build());
    journal.append(records);
    BatchInserter inserter = new BatchInserter(unbound(), journal);

    inserter.replay(10);

    assertTrue(journal.hasWork());
    assertEquals(records, journal.beginReplay());
  }

  @Test
  void databaseReturnsAfterBackoff() throws SQLException, InterruptedException {
    AtomicBoolean reachable = new AtomicBoolean(false);
    try (TestDatabase database = TestDatabase.h2()) {
      BatchInserter inserter = new BatchInserter(
          () -> {
            if (!reachable.get()) {
              throw new SQLException("Connection refused", "08001");
            }
            return database.dataSource();
          },
          new StorageJournal(journalDirectory));
      assertFalse(inserter.insert(List.of(RecordBuilder.full().build())));

      reachable.set(true);
      assertFalse(inserter.insert(List.of(RecordBuilder.full().build())), "retried before the backoff");

      Thread.sleep(300);
      assertTrue(inserter.insert(List.of(RecordBuilder.full().build())));
      assertTrue(inserter.isDatabaseAvailable());
    }
  }
}
