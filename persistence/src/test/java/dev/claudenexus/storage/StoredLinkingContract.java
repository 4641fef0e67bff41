package dev.claudenexus.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudenexus.conversation.HashMode;
import dev.claudenexus.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks that the storage writer links what it writes, on every supported database. */
abstract class StoredLinkingContract {

  private static final String TURN_1 = "[{\"role\":\"user\",\"content\":\"List the modules\"}]";
  private static final String TURN_2 = "[{\"role\":\"user\",\"content\":\"List the modules\"},"
      + "{\"role\":\"assistant\",\"content\":\"persistence and proxy-war\"},"
      + "{\"role\":\"user\",\"content\":\"Describe persistence\"}]";
  private static final String TURN_3 = "[{\"role\":\"user\",\"content\":\"List the modules\"},"
      + "{\"role\":\"assistant\",\"content\":\"persistence and proxy-war\"},"
      + "{\"role\":\"user\",\"content\":\"Describe persistence\"},"
      + "{\"role\":\"assistant\",\"content\":\"Entities and the storage writer\"},"
      + "{\"role\":\"user\",\"content\":\"And proxy-war?\"}]";
  private static final String TEXT_RESPONSE =
      "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"Done\"}]}";
  private static final String AGENT_RESPONSE = "{\"role\":\"assistant\",\"content\":["
      + "{\"type\":\"tool_use\",\"id\":\"toolu_7\",\"name\":\"Agent\","
      + "\"input\":{\"description\":\"Scan\",\"prompt\":\"Scan the schema\"}}]}";

  @TempDir Path journalDirectory;

  private TestDatabase database;
  private OffsetDateTime clock = RecordBuilder.START;

  abstract TestDatabase openDatabase() throws SQLException;

  @BeforeEach
  void createDatabase() throws SQLException {
    database = openDatabase();
  }

  @AfterEach
  void dropDatabase() throws SQLException {
    if (database != null) {
      database.close();
    }
  }

  private BatchInserter newInstance() {
    return new BatchInserter(database::dataSource, new StorageJournal(journalDirectory),
        new SqlLog(false, 0), HashMode.CURRENT);
  }

  private BatchInserter newInstance(Duration parentWait) {
    BatchInserter inserter = newInstance();
    inserter.waitForParents(parentWait);
    return inserter;
  }

  private RecordBuilder turn(String messages, String response) {
    clock = clock.plusSeconds(2);
    return RecordBuilder.inference(
        "{\"model\":\"claude-sonnet-4-5\",\"system\":\"Be brief\",\"messages\":" + messages + "}",
        response).timestamp(clock);
  }

  private long storedRows() throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM api_requests");
        ResultSet rs = statement.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private Map<String, Object> row(UUID requestId) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement statement =
            connection.prepareStatement("SELECT * FROM api_requests WHERE request_id = ?")) {
      statement.setObject(1, requestId);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        Map<String, Object> row = new HashMap<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT), rs.getObject(i));
        }
        return row;
      }
    }
  }

  @Test
  void childInSameBatchLinksToParent() throws SQLException {
    RequestRecord parent = turn(TURN_1, TEXT_RESPONSE).build();
    RequestRecord child = turn(TURN_2, TEXT_RESPONSE).build();

    assertThat(newInstance().insert(List.of(parent, child))).isTrue();

    assertThat(row(child.requestId()))
        .containsEntry("parent_request_id", parent.requestId())
        .containsEntry("conversation_id", row(parent.requestId()).get("conversation_id"))
        .containsEntry("branch_id", "main")
        .containsEntry("hash_mode", "current");
  }

  @Test
  void replayWritesQueuedParentFirst() throws Exception {
    RequestRecord parent = turn(TURN_1, TEXT_RESPONSE).build();
    RequestRecord child = turn(TURN_2, TEXT_RESPONSE).build();
    StorageJournal journal = new StorageJournal(journalDirectory);
    journal.append(List.of(child));
    BatchInserter inserter = newInstance();
    List<RequestRecord> queued = new ArrayList<>(List.of(parent));

    assertThat(inserter.replayNext(10, queued)).isTrue();

    assertThat(queued).isEmpty();
    assertThat(row(child.requestId()))
        .containsEntry("parent_request_id", parent.requestId())
        .containsEntry("conversation_id", row(parent.requestId()).get("conversation_id"));
  }

  @Test
  void journaledChildFindsQueuedParent() throws Exception {
    RequestRecord parent = turn(TURN_1, TEXT_RESPONSE).build();
    RequestRecord child = turn(TURN_2, TEXT_RESPONSE).build();
    StorageJournal journal = new StorageJournal(journalDirectory);
    // The child spilled to the journal while its parent waited in the full memory queue.
    journal.append(List.of(child));
    BatchInserter inserter = newInstance();
    inserter.prepare();
    CountDownLatch release = new CountDownLatch(1);
    StorageWriter writer = startWriter(task -> new Thread(() -> {
      try {
        release.await();
        task.run();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }), journal, inserter);
    writer.submit(parent);

    release.countDown();
    try {
      awaitCondition(() -> storedRows() == 2);
    } finally {
      writer.stop();
    }

    assertThat(row(child.requestId()))
        .containsEntry("parent_request_id", parent.requestId())
        .containsEntry("conversation_id", row(parent.requestId()).get("conversation_id"));
  }

  @Test
  void failedWriteStopsMergeUntilJournalEmpty() throws Exception {
    RequestRecord parent = turn(TURN_1, TEXT_RESPONSE).build();
    RequestRecord child = turn(TURN_2, TEXT_RESPONSE).build();
    newInstance().prepare();
    StorageJournal journal = new StorageJournal(journalDirectory);
    AtomicBoolean down = new AtomicBoolean(true);
    BatchInserter inserter = new BatchInserter(() -> {
      if (down.get()) {
        throw new SQLException("connection refused", "08001");
      }
      return database.dataSource();
    }, journal, new SqlLog(false, 0), HashMode.CURRENT);
    StorageWriter writer = startWriter(Thread::new, journal, inserter);

    try {
      writer.submit(parent);
      awaitCondition(journal::hasWork);
      assertThat(writer.mergesQueuedRecords()).isFalse();

      down.set(false);
      awaitCondition(() -> storedRows() == 1 && !journal.hasWork());
      writer.submit(child);
      awaitCondition(() -> storedRows() == 2);
    } finally {
      writer.stop();
    }

    assertThat(writer.mergesQueuedRecords()).isTrue();
    assertThat(row(child.requestId())).containsEntry("parent_request_id", parent.requestId());
  }

  /** Starts a storage writer whose queues take 10 records and whose batches hold 10. */
  private static StorageWriter startWriter(ThreadFactory threads, StorageJournal journal,
      BatchInserter inserter) {
    StorageWriter writer = new StorageWriter();
    writer.queueCapacity = 10;
    writer.queueMaxBytes = 32L << 20;
    writer.batchSize = 10;
    writer.start(threads, journal, inserter);
    return writer;
  }

  /** A condition that may throw, polled by {@link #awaitCondition}. */
  @FunctionalInterface
  private interface Condition {
    boolean holds() throws Exception;
  }

  /** Waits until {@code condition} holds, for at most 30 s. */
  private static void awaitCondition(Condition condition) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.holds()) {
      assertThat(System.nanoTime()).as("condition within 30 s").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  @Test
  void secondInstanceLinksToStoredParent() throws SQLException {
    RequestRecord parent = turn(TURN_1, TEXT_RESPONSE).build();
    RequestRecord child = turn(TURN_2, TEXT_RESPONSE).build();
    newInstance().insert(List.of(parent));

    newInstance().insert(List.of(child));

    assertThat(row(child.requestId())).containsEntry("parent_request_id", parent.requestId());
  }

  @Test
  void childWaitsForParentOfOtherInstance() throws Exception {
    RequestRecord first = turn(TURN_1, TEXT_RESPONSE).build();
    RequestRecord second = turn(TURN_2, TEXT_RESPONSE).build();
    RequestRecord third = turn(TURN_3, TEXT_RESPONSE).build();
    BatchInserter waiting = newInstance(Duration.ofSeconds(5));
    waiting.insert(List.of(first));
    ExecutorService otherInstance = Executors.newSingleThreadExecutor();
    try {
      // The other instance commits the second turn while this one links the third.
      Future<Boolean> late = otherInstance.submit(() -> {
        Thread.sleep(300);
        return newInstance().insert(List.of(second));
      });

      assertThat(waiting.insert(List.of(third))).isTrue();

      assertThat(late.get(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      otherInstance.shutdownNow();
    }
    assertThat(row(third.requestId()))
        .containsEntry("parent_request_id", second.requestId())
        .containsEntry("branch_id", "main");
  }

  @Test
  void missingParentWaitEndsAtLimit() throws SQLException {
    RequestRecord first = turn(TURN_1, TEXT_RESPONSE).build();
    RequestRecord third = turn(TURN_3, TEXT_RESPONSE).build();
    BatchInserter waiting = newInstance(Duration.ofMillis(400));
    waiting.insert(List.of(first));

    long start = System.nanoTime();
    assertThat(waiting.insert(List.of(third))).isTrue();
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

    assertThat(elapsedMillis).as("time the batch waited").isBetween(400L, 5_000L);
    // Without its parent, the third turn falls back to the first: its messages without the last four.
    assertThat(row(third.requestId())).containsEntry("parent_request_id", first.requestId());
  }

  @Test
  void parentInSameBatchNeedsNoWait() throws SQLException {
    RequestRecord first = turn(TURN_1, TEXT_RESPONSE).build();
    RequestRecord second = turn(TURN_2, TEXT_RESPONSE).build();
    RequestRecord third = turn(TURN_3, TEXT_RESPONSE).build();

    long start = System.nanoTime();
    assertThat(newInstance(Duration.ofSeconds(5)).insert(List.of(first, second, third))).isTrue();
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

    assertThat(elapsedMillis).as("time the batch took").isLessThan(4_000L);
    assertThat(row(third.requestId())).containsEntry("parent_request_id", second.requestId());
  }

  @Test
  void failedAttemptIsNeitherParentNorBranch() throws SQLException {
    RequestRecord parent = turn(TURN_1, TEXT_RESPONSE).build();
    RequestRecord failed = turn(TURN_2, null).failed(529, "error").build();
    RequestRecord retry = turn(TURN_2, TEXT_RESPONSE).build();

    newInstance().insert(List.of(parent, failed, retry));

    assertThat(row(failed.requestId())).containsEntry("conversation_id", null);
    assertThat(row(retry.requestId()))
        .containsEntry("parent_request_id", parent.requestId())
        .containsEntry("branch_id", "main");
  }

  @Test
  void subagentLaunchIsIndexedAndLinked() throws SQLException {
    RequestRecord parent = turn(TURN_1, AGENT_RESPONSE).build();
    RequestRecord subagent =
        turn("[{\"role\":\"user\",\"content\":\"Scan the schema\"}]", TEXT_RESPONSE).build();
    newInstance().insert(List.of(parent));

    newInstance().insert(List.of(subagent));

    assertThat(row(parent.requestId()).get("task_tool_invocation")).asString().contains("toolu_7");
    assertThat(row(subagent.requestId()))
        .containsEntry("branch_id", "subtask_1")
        .containsEntry("is_subtask", true)
        .containsEntry("parent_task_request_id", parent.requestId());
  }

  @Test
  void sessionHeaderIsStored() throws SQLException {
    RequestRecord record = turn(TURN_1, TEXT_RESPONSE)
        .requestHeaders("{\"x-claude-code-session-id\":\"5b0c6a1e-session\"}").build();

    newInstance().insert(List.of(record));

    assertThat(row(record.requestId())).containsEntry("session_id", "5b0c6a1e-session");
  }

  @Test
  void otherEndpointsGetNoHashes() throws SQLException {
    RequestRecord models = RecordBuilder.minimal().call("GET", "/v1/models").build();

    newInstance().insert(List.of(models));

    assertThat(row(models.requestId()))
        .containsEntry("current_message_hash", null)
        .containsEntry("conversation_id", null)
        .containsEntry("hash_mode", null);
  }
}
