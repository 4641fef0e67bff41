package dev.claudenexus.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudenexus.conversation.HashMode;
import dev.claudenexus.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Overloads a storage writer whose queues hold two records each. Records that find both queues full
 * are journaled by the submitting thread; none may be lost or stored twice.
 */
class StorageWriterOverflowTest {

  private static final int RECORDS = 400;
  private static final int SUBMITTERS = 4;

  @TempDir Path journalDirectory;

  private StorageWriter writer(BatchInserter inserter, StorageJournal journal) {
    StorageWriter writer = new StorageWriter();
    writer.queueCapacity = 2;
    writer.queueMaxBytes = 32L << 20;
    writer.batchSize = 50;
    writer.start(Thread::new, journal, inserter);
    return writer;
  }

  private static Set<UUID> submitConcurrently(StorageWriter writer) throws InterruptedException {
    Set<UUID> ids = java.util.concurrent.ConcurrentHashMap.newKeySet();
    ExecutorService submitters = Executors.newFixedThreadPool(SUBMITTERS);
    for (int i = 0; i < RECORDS; i++) {
      submitters.execute(() -> {
        RequestRecord record = RecordBuilder.full().build();
        ids.add(record.requestId());
        writer.submit(record);
      });
    }
    submitters.shutdown();
    assertThat(submitters.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
    return ids;
  }

  @Test
  void overloadWithDatabaseDownJournalsEveryRecordOnce() throws Exception {
    StorageJournal journal = new StorageJournal(journalDirectory);
    BatchInserter unavailable = new BatchInserter(() -> {
      throw new SQLException("connection refused", "08001");
    }, journal, new SqlLog(false, 0), HashMode.CURRENT);
    StorageWriter writer = writer(unavailable, journal);

    Set<UUID> submitted = submitConcurrently(writer);
    writer.stop();

    List<UUID> journaled = journaledIds(journal);
    assertThat(journaled).hasSize(RECORDS);
    assertThat(new HashSet<>(journaled)).isEqualTo(submitted);
  }

  @Test
  void overloadWithDatabaseUpStoresEveryRecord() throws Exception {
    try (TestDatabase database = TestDatabase.h2()) {
      dev.claudenexus.schema.SchemaMigrator.migrate(database.dataSource());
      StorageJournal journal = new StorageJournal(journalDirectory);
      BatchInserter inserter = new BatchInserter(database::dataSource, journal,
          new SqlLog(false, 0), HashMode.CURRENT);
      StorageWriter writer = writer(inserter, journal);

      submitConcurrently(writer);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (rows(database) < RECORDS && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      writer.stop();

      assertThat(rows(database)).isEqualTo(RECORDS);
    }
  }

  @Test
  void outOfMemoryInBatchKeepsWriterRunning() throws Exception {
    try (TestDatabase database = TestDatabase.h2()) {
      dev.claudenexus.schema.SchemaMigrator.migrate(database.dataSource());
      StorageJournal journal = new StorageJournal(journalDirectory);
      AtomicBoolean failNext = new AtomicBoolean();
      BatchInserter inserter = new BatchInserter(() -> {
        if (failNext.getAndSet(false)) {
          throw new OutOfMemoryError("simulated: heap exhausted while writing a batch");
        }
        return database.dataSource();
      }, journal, new SqlLog(false, 0), HashMode.CURRENT);
      StorageWriter writer = writer(inserter, journal);

      // The first failure may hit the schema check at start or the first batch, the second one
      // hits a batch, since the first record is stored by then.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      for (int round = 1; round <= 2; round++) {
        failNext.set(true);
        writer.submit(RecordBuilder.full().build());
        while ((failNext.get() || rows(database) < round) && System.nanoTime() < deadline) {
          Thread.sleep(50);
        }
        assertThat(rows(database)).as("rows after failure %d", round).isEqualTo(round);
      }
      for (int i = 2; i < 10; i++) {
        writer.submit(RecordBuilder.full().build());
      }
      while (rows(database) < 10 && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      writer.stop();

      assertThat(rows(database)).isEqualTo(10);
    }
  }

  /** Replays the whole journal and returns the request ids of its records, in journal order. */
  static List<UUID> journaledIds(StorageJournal journal) throws IOException {
    List<UUID> journaled = new ArrayList<>();
    while (journal.hasWork()) {
      for (RequestRecord record : journal.beginReplay()) {
        journaled.add(record.requestId());
      }
      journal.completeReplay();
    }
    return journaled;
  }

  private static long rows(TestDatabase database) throws SQLException, IOException {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM api_requests")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
