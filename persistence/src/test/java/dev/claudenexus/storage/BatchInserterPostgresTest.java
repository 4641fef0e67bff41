package dev.claudenexus.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.claudenexus.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/** Runs against a fresh database when NEXUS_TEST_DATABASE_URL names a PostgreSQL server. */
class BatchInserterPostgresTest extends BatchInserterContract {

  @Override
  TestDatabase openDatabase() throws SQLException {
    return TestDatabase.postgres();
  }

  @Test
  void nulCharactersAreReplaced() throws SQLException {
    RequestRecord withNul = RecordBuilder.full()
        .error("before\u0000after")
        .requestBody("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"a\\u0000b\"}]}")
        .build();

    assertTrue(inserter.insert(List.of(withNul)));

    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement statement = connection.prepareStatement(
            "SELECT error, body->'messages'->0->>'content' AS content FROM api_requests"
                + " WHERE request_id = ?")) {
      statement.setObject(1, withNul.requestId());
      try (ResultSet row = statement.executeQuery()) {
        assertTrue(row.next(), "the request is not stored");
        assertEquals("before\uFFFDafter", row.getString("error"));
        assertEquals("a\uFFFDb", row.getString("content"));
      }
    }
  }

  @Test
  void escapedBackslashBeforeU0000IsKept() throws SQLException {
    String body = "{\"model\":\"m\",\"messages\":[],\"path\":\"C:\\\\u0000\",\"nul\":\"\\u0000\"}";
    RequestRecord record = RecordBuilder.full().requestBody(body).build();

    assertTrue(inserter.insert(List.of(record)));

    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement statement = connection.prepareStatement(
            "SELECT body->>'path' AS path FROM api_requests WHERE request_id = ?")) {
      statement.setObject(1, record.requestId());
      try (ResultSet row = statement.executeQuery()) {
        assertTrue(row.next(), "the request is not stored");
        assertEquals("C:\\u0000", row.getString("path"));
      }
    }
  }

  @Test
  void committedBatchNotifiesListeners() throws SQLException {
    inserter.insert(List.of(RecordBuilder.full().build()));
    try (Connection listener = listen()) {
      PGConnection notices = listener.unwrap(PGConnection.class);

      assertTrue(inserter.insert(List.of(RecordBuilder.full().build(), RecordBuilder.full().build())));

      List<PGNotification> received = collect(notices, 1);
      assertEquals(1, received.size(), "one notice per committed batch");
      assertEquals(ChangeNotices.Kind.REQUESTS,
          ChangeNotices.Kind.fromPayload(received.get(0).getParameter()));
    }
  }

  @Test
  void rejectedBatchSendsNoNotice() throws SQLException {
    inserter.insert(List.of(RecordBuilder.full().build()));
    try (Connection listener = listen()) {
      PGConnection notices = listener.unwrap(PGConnection.class);

      // PostgreSQL rejects the NUL character, so the batch rolls back. The inserter then stores
      // each record in a transaction of its own: the good record at once, the other one cleaned
      // after a second rollback. Only those two commits may notify.
      RequestRecord withNul = RecordBuilder.full().error("\u0000").build();
      assertTrue(inserter.insert(List.of(withNul, RecordBuilder.full().build())));

      List<PGNotification> received = collect(notices, 2);
      assertEquals(2, received.size(), "one notice per committed transaction, none per rollback");
    }
  }

  /**
   * Gathers notices until {@code expected} have arrived (10 s at most), then waits a short while
   * longer for any extra one. The server may deliver the notices of two commits in separate
   * messages, and one poll returns only what has arrived so far.
   */
  private static List<PGNotification> collect(PGConnection notices, int expected)
      throws SQLException {
    List<PGNotification> received = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (received.size() < expected) {
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        return received;
      }
      PGNotification[] batch = notices.getNotifications((int) left);
      if (batch != null) {
        received.addAll(Arrays.asList(batch));
      }
    }
    PGNotification[] extra = notices.getNotifications(300);
    if (extra != null) {
      received.addAll(Arrays.asList(extra));
    }
    return received;
  }

  /** Opens a connection that listens on the notice channel. */
  private Connection listen() throws SQLException {
    Connection listener = database.dataSource().getConnection();
    try (Statement statement = listener.createStatement()) {
      statement.execute("LISTEN " + ChangeNotices.CHANNEL);
    }
    return listener;
  }

  @Test
  void nulRecordIsNotDeadLettered() {
    RequestRecord withNul = RecordBuilder.full().error("\u0000").build();

    assertTrue(inserter.insert(List.of(withNul)));

    assertFalse(journal.hasWork());
    assertFalse(java.nio.file.Files.exists(journalDirectory.resolve("dead-letter.jsonl")));
  }
}
