package dev.claudenexus.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.claudenexus.schema.DatabaseVendor;
import dev.claudenexus.schema.SchemaMigrator;
import dev.claudenexus.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit writer against a real database: events reach it in batches, and neither an outage, a
 * batch that fails halfway through a replay, nor a writer thread killed after a commit loses an event
 * or stores one twice.
 */
abstract class AuditWriterContract {

  private static final int BATCH = 100;

  @TempDir Path journalDirectory;

  private TestDatabase database;
  private FaultyDataSource faults;
  private final List<AuditWriter> writers = new ArrayList<>();
  private final List<Throwable> threadDeaths = new CopyOnWriteArrayList<>();

  abstract TestDatabase openDatabase() throws SQLException;

  @BeforeEach
  void createDatabase() throws SQLException {
    database = openDatabase();
    SchemaMigrator.migrate(database.dataSource());
    faults = new FaultyDataSource(database.dataSource());
  }

  @AfterEach
  void dropDatabase() throws SQLException {
    // Without NEXUS_TEST_DATABASE_URL the PostgreSQL subclass is skipped before it opens a database.
    if (database == null) {
      return;
    }
    faults.restore();
    writers.forEach(AuditWriter::stop);
    database.close();
  }

  private AuditWriter writer() {
    AuditWriter writer = new AuditWriter(journalDirectory, faults::dataSource, BATCH,
        Duration.ofMillis(50));
    writers.add(writer);
    return writer;
  }

  private ThreadFactory threads() {
    return task -> {
      Thread thread = new Thread(task);
      thread.setUncaughtExceptionHandler((t, e) -> threadDeaths.add(e));
      return thread;
    };
  }

  private List<AuditEvent> record(AuditWriter writer, int count) {
    List<AuditEvent> events = AuditEvents.views(count);
    events.forEach(writer::record);
    return events;
  }

  @Test
  void flushWritesEveryEvent() throws SQLException {
    AuditWriter writer = writer();
    List<AuditEvent> events = record(writer, 250);

    assertTrue(writer.flush());

    assertStoredOnce(events);
    assertFalse(writer.hasPendingEvents());
  }

  @Test
  void outageKeepsEventsInJournal() throws Exception {
    AuditWriter writer = writer();
    faults.goDown();
    List<AuditEvent> events = record(writer, 30);

    assertFalse(writer.flush());
    assertTrue(writer.hasPendingEvents());
    assertEquals(0, storedCount());

    faults.restore();
    await(writer::flush, "the writer did not write the journal after the outage");
    assertStoredOnce(events);
    assertFalse(writer.hasPendingEvents());
  }

  @Test
  void failureMidReplayStoresEachOnce() throws Exception {
    AuditWriter writer = writer();
    List<AuditEvent> events = record(writer, 250);
    faults.failBatch(2);

    assertFalse(writer.flush());
    assertEquals(BATCH, storedCount(), "the first batch was committed before the failure");

    await(writer::flush, "the writer did not finish the replay");
    assertStoredOnce(events);
  }

  @Test
  void killedWriterThreadLosesAndDoublesNothing() throws Exception {
    AuditWriter crashing = writer();
    List<AuditEvent> events = record(crashing, 250);
    faults.crashAfterBatch(1);

    crashing.start(threads());
    await(() -> !crashing.isRunning(), "the writer thread did not die");
    assertEquals(1, threadDeaths.size());
    assertTrue(threadDeaths.get(0) instanceof FaultyDataSource.WriterCrash, threadDeaths.toString());
    assertEquals(BATCH, storedCount(), "the batch before the crash was committed");
    assertTrue(crashing.hasPendingEvents(), "the journal keeps the committed batch too");

    faults.restore();
    AuditWriter restarted = writer();
    restarted.start(threads());
    await(() -> !restarted.hasPendingEvents(), "the restarted writer did not replay the journal");
    assertStoredOnce(events);
  }

  @Test
  void journalReplayedAtStart() throws Exception {
    List<AuditEvent> events = record(writer(), 20);

    AuditWriter next = writer();
    next.start(threads());

    await(() -> !next.hasPendingEvents(), "the journal was not replayed at start");
    assertStoredOnce(events);
  }

  @Test
  void recordReturnsWhileDatabaseHangs() throws Exception {
    AuditWriter writer = writer();
    faults.hang();
    writer.start(threads());
    record(writer, 1);
    // The writer thread now waits for a connection; recording must not wait for it.
    List<AuditEvent> events = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> record(writer, 50));

    assertTrue(writer.hasPendingEvents());
    faults.restore();
    await(() -> !writer.hasPendingEvents(), "the writer did not write after the database resumed");
    assertEquals(51, storedCount());
    assertStoredOnce(events);
  }

  private static void await(BooleanSupplier condition, String message) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, message);
      Thread.sleep(50);
    }
  }

  private long storedCount() throws SQLException {
    return new AuditRepository(database.dataSource(), vendor()).count();
  }

  private DatabaseVendor vendor() throws SQLException {
    try (Connection connection = database.dataSource().getConnection()) {
      return DatabaseVendor.of(connection);
    }
  }

  /** Checks that each event is stored exactly once and nothing else is. */
  private void assertStoredOnce(List<AuditEvent> events) throws SQLException {
    Set<UUID> expected = new HashSet<>();
    events.forEach(event -> expected.add(event.eventId()));
    List<UUID> stored = new ArrayList<>();
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement select = connection.prepareStatement("SELECT event_id FROM audit_events");
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        stored.add(rs.getObject(1, UUID.class));
      }
    }
    assertEquals(stored.size(), new HashSet<>(stored).size(), "an event is stored twice");
    assertTrue(new HashSet<>(stored).containsAll(expected), "an event is missing");
  }
}
