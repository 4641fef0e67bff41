package dev.claudenexus.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudenexus.conversation.HashMode;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interrupts the storage writer while it waits for the database, as an application server does when
 * it stops the application. The queued records must reach the journal, not be lost.
 */
class StorageWriterInterruptTest {

  private static final int RECORDS = 25;

  @TempDir Path journalDirectory;

  @Test
  void interruptedWriterJournalsQueuedRecords() throws Exception {
    StorageJournal journal = new StorageJournal(journalDirectory);
    CountDownLatch waiting = new CountDownLatch(1);
    // Waits until interrupted, then fails as a JDBC driver does: the interrupt flag stays set.
    BatchInserter hanging = new BatchInserter(() -> {
      waiting.countDown();
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new SQLException("interrupted while connecting", "08001");
    }, journal, new SqlLog(false, 0), HashMode.CURRENT);
    AtomicReference<Thread> writerThread = new AtomicReference<>();
    StorageWriter writer = new StorageWriter();
    writer.queueCapacity = 100;
    writer.queueMaxBytes = 32L << 20;
    writer.batchSize = 10;
    writer.start(task -> {
      Thread thread = new Thread(task);
      writerThread.compareAndSet(null, thread);
      return thread;
    }, journal, hanging);

    assertThat(waiting.await(30, TimeUnit.SECONDS)).isTrue();
    Set<UUID> submitted = new HashSet<>();
    for (int i = 0; i < RECORDS; i++) {
      RequestRecord record = RecordBuilder.full().build();
      submitted.add(record.requestId());
      writer.submit(record);
    }
    writerThread.get().interrupt();
    writerThread.get().join(TimeUnit.SECONDS.toMillis(30));
    assertThat(writerThread.get().isAlive()).isFalse();
    writer.stop();

    List<UUID> journaled = StorageWriterOverflowTest.journaledIds(journal);
    assertThat(journaled).hasSize(RECORDS);
    assertThat(new HashSet<>(journaled)).isEqualTo(submitted);
  }
}
