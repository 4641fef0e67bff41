package dev.claudenexus.storage;

import static dev.claudenexus.json.JsonProviders.JSON;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.claudenexus.testing.TestDatabase;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks of {@link BatchInserter} and {@link RequestRepository} that every supported database must
 * pass: the schema is migrated on first use and every column is written.
 */
abstract class BatchInserterContract {

  @TempDir Path journalDirectory;

  TestDatabase database;
  StorageJournal journal;
  BatchInserter inserter;

  abstract TestDatabase openDatabase() throws SQLException;

  @BeforeEach
  void createDatabase() throws SQLException {
    database = openDatabase();
    journal = new StorageJournal(journalDirectory);
    inserter = new BatchInserter(database::dataSource, journal);
  }

  @AfterEach
  void dropDatabase() throws SQLException {
    if (database != null) {
      database.close();
    }
  }

  long count(String table) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM " + table);
        ResultSet result = statement.executeQuery()) {
      result.next();
      return result.getLong(1);
    }
  }

  static JsonValue json(String text) {
    return JSON.createReader(new StringReader(text)).readValue();
  }

  static List<RequestRecord> fullRecords(int count) {
    return IntStream.range(0, count).mapToObj(i -> RecordBuilder.full().build()).toList();
  }

  @Test
  void firstInsertMigratesSchema() throws SQLException {
    assertTrue(inserter.insert(List.of(RecordBuilder.minimal().build())));

    assertEquals(1, count("api_requests"));
  }

  @Test
  void insertStoresEveryRequestColumn() throws SQLException {
    RequestRecord record = RecordBuilder.full().build();

    assertTrue(inserter.insert(List.of(record)));

    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement statement =
            connection.prepareStatement("SELECT * FROM api_requests WHERE request_id = ?")) {
      statement.setObject(1, record.requestId());
      try (ResultSet row = statement.executeQuery()) {
        assertTrue(row.next(), "the request is not stored");
        assertEquals(record.domain(), row.getString("domain"));
        assertTrue(record.timestamp().isEqual(row.getObject("timestamp", OffsetDateTime.class)));
        assertEquals(record.method(), row.getString("method"));
        assertEquals(record.path(), row.getString("path"));
        assertEquals(record.queryString(), row.getString("query_string"));
        assertEquals(json(record.requestHeaders()), json(row.getString("headers")));
        assertEquals(json(record.requestBody()), json(row.getString("body")));
        assertEquals(record.apiKeyHash(), row.getString("api_key_hash"));
        assertEquals(record.accountId(), row.getString("account_id"));
        assertEquals(record.model(), row.getString("model"));
        assertEquals(record.requestType(), row.getString("request_type"));
        assertEquals(record.messageCount(), row.getInt("message_count"));
        assertEquals(record.responseStatus(), row.getInt("response_status"));
        assertEquals(json(record.responseHeaders()), json(row.getString("response_headers")));
        assertEquals(json(record.responseBody()), json(row.getString("response_body")));
        assertTrue(row.getBoolean("response_streaming"));
        assertEquals(1200, row.getInt("input_tokens"));
        assertEquals(345, row.getInt("output_tokens"));
        assertEquals(1545, row.getInt("total_tokens"));
        assertEquals(300, row.getInt("cache_creation_input_tokens"));
        assertEquals(2455, row.getInt("cache_read_input_tokens"));
        assertEquals(100, row.getInt("cache_creation_5m_input_tokens"));
        assertEquals(200, row.getInt("cache_creation_1h_input_tokens"));
        assertEquals(json(record.usageJson()), json(row.getString("usage_data")));
        assertEquals(0, record.costUsd().compareTo(row.getBigDecimal("cost_usd")));
        assertEquals(321, row.getInt("first_token_ms"));
        assertEquals(4567, row.getInt("duration_ms"));
        assertEquals("incomplete", row.getString("outcome"));
        assertEquals("overloaded_error", row.getString("error_type"));
        assertEquals(record.error(), row.getString("error"));
        assertEquals(2, row.getInt("tool_call_count"));
        assertEquals(3, row.getInt("upstream_attempts"));
      }
    }
  }

  @Test
  void insertStoresChunksInOrder() throws SQLException {
    RequestRecord record = RecordBuilder.full().build();

    inserter.insert(List.of(record));

    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement statement = connection.prepareStatement(
            "SELECT * FROM streaming_chunks WHERE request_id = ? ORDER BY chunk_index")) {
      statement.setObject(1, record.requestId());
      try (ResultSet rows = statement.executeQuery()) {
        for (RequestRecord.StoredChunk chunk : record.chunks()) {
          assertTrue(rows.next(), "chunk " + chunk.index() + " is missing");
          assertEquals(chunk.index(), rows.getInt("chunk_index"));
          assertTrue(chunk.timestamp().isEqual(rows.getObject("timestamp", OffsetDateTime.class)));
          assertEquals(chunk.eventType(), rows.getString("event_type"));
          assertEquals(chunk.data(), rows.getString("data"));
        }
        assertFalse(rows.next(), "more chunks than the record has");
      }
    }
  }

  @Test
  void nullColumnsStayNull() throws SQLException {
    RequestRecord record = RecordBuilder.minimal().build();

    inserter.insert(List.of(record));

    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement statement =
            connection.prepareStatement("SELECT * FROM api_requests WHERE request_id = ?")) {
      statement.setObject(1, record.requestId());
      try (ResultSet row = statement.executeQuery()) {
        assertTrue(row.next(), "the request is not stored");
        assertNull(row.getString("body"));
        assertNull(row.getString("usage_data"));
        assertNull(row.getBigDecimal("cost_usd"));
        assertNull(row.getObject("first_token_ms"));
        assertNull(row.getString("error"));
        assertEquals(0, row.getInt("total_tokens"));
      }
    }
  }

  @Test
  void batchStoresEveryRecord() throws SQLException {
    assertTrue(inserter.insert(fullRecords(25)));

    assertEquals(25, count("api_requests"));
    assertEquals(50, count("streaming_chunks"));
    RollupCheck.assertConsistent(database.dataSource());
  }

  @Test
  void sameRecordTwiceStoresOneRow() throws SQLException {
    RequestRecord record = RecordBuilder.full().build();

    assertTrue(inserter.insert(List.of(record)));
    assertTrue(inserter.insert(List.of(record)));

    assertEquals(1, count("api_requests"));
    assertEquals(2, count("streaming_chunks"));
    RollupCheck.assertConsistent(database.dataSource());
  }

  @Test
  void duplicateInsideBatchStoresOneRow() throws SQLException {
    RequestRecord record = RecordBuilder.full().build();

    assertTrue(inserter.insert(List.of(record, record)));

    assertEquals(1, count("api_requests"));
    assertEquals(2, count("streaming_chunks"));
    RollupCheck.assertConsistent(database.dataSource());
  }

  @Test
  void rollupsSumTheStoredRequests() throws SQLException {
    String warning = "{\"anthropic-ratelimit-unified-status\":\"allowed_warning\"}";
    List<RequestRecord> batch = List.of(
        RecordBuilder.full().build(),
        RecordBuilder.full().timestamp(RecordBuilder.START.plusSeconds(20))
            .responseHeaders(warning).costUsd(null).build(),
        // START is 26.535 s into its minute, so this one falls into the next minute.
        RecordBuilder.minimal().timestamp(RecordBuilder.START.plusSeconds(40)).build(),
        RecordBuilder.full().timestamp(RecordBuilder.START.plusHours(1)).build());

    assertTrue(inserter.insert(batch));

    long hour = Math.floorDiv(RecordBuilder.START.toEpochSecond(), 3600);
    long minute = Math.floorDiv(RecordBuilder.START.toEpochSecond(), 60);
    assertEquals(List.of(
            "rollup_output_minutes minute_bucket=" + minute + " account_id=acc_test"
                + " output_tokens=690 header_output_tokens=690 warning_count=1",
            "rollup_output_minutes minute_bucket=" + (minute + 1) + " account_id= output_tokens=0"
                + " header_output_tokens=0 warning_count=0",
            "rollup_output_minutes minute_bucket=" + (minute + 60) + " account_id=acc_test"
                + " output_tokens=345 header_output_tokens=345 warning_count=0",
            "rollup_usage_hours hour_bucket=" + hour + " domain=localhost:3000 account_id="
                + " model= request_type= request_count=1 input_tokens=0 output_tokens=0"
                + " total_tokens=0 cache_creation_input_tokens=0 cache_read_input_tokens=0"
                + " cost_usd=null priced_count=0 error_count=0 duration_ms_sum=10"
                + " duration_count=1 tool_call_count=0 linked_count=0",
            "rollup_usage_hours hour_bucket=" + hour + " domain=localhost:3000"
                + " account_id=acc_test model=claude-sonnet-4-5 request_type=inference"
                + " request_count=2 input_tokens=2400 output_tokens=690 total_tokens=3090"
                + " cache_creation_input_tokens=600 cache_read_input_tokens=4910"
                + " cost_usd=0.0123456789 priced_count=1 error_count=2 duration_ms_sum=9134"
                + " duration_count=2 tool_call_count=4 linked_count=0",
            "rollup_usage_hours hour_bucket=" + (hour + 1) + " domain=localhost:3000"
                + " account_id=acc_test model=claude-sonnet-4-5 request_type=inference"
                + " request_count=1 input_tokens=1200 output_tokens=345 total_tokens=1545"
                + " cache_creation_input_tokens=300 cache_read_input_tokens=2455"
                + " cost_usd=0.0123456789 priced_count=1 error_count=1 duration_ms_sum=4567"
                + " duration_count=1 tool_call_count=2 linked_count=0"),
        RollupCheck.assertConsistent(database.dataSource()));
  }

  @Test
  void rollupsMatchEdgeValues() throws SQLException {
    OffsetDateTime lastMicroOfHour = OffsetDateTime.parse("2026-03-14T15:59:59.999999600Z");
    List<RequestRecord> batch = List.of(
        // Stored rounded up to 16:00:00, so it belongs to the next hour and minute.
        RecordBuilder.full().timestamp(lastMicroOfHour).build(),
        RecordBuilder.full().timestamp(lastMicroOfHour.minusNanos(200)).build(),
        // Stored rounded to 10 digits after the point.
        RecordBuilder.full().costUsd(new java.math.BigDecimal("0.123456789049999")).build(),
        RecordBuilder.full().costUsd(new java.math.BigDecimal("0.000000000050000")).build(),
        // Header values that must not count as a rate-limit warning.
        RecordBuilder.full().responseHeaders(
            "{\"anthropic-ratelimit-unified-status\":\"allowed\"}").build(),
        RecordBuilder.full().responseHeaders(
            "{\"anthropic-ratelimit-unified-status\":[\"allowed_warning\"]}").build(),
        RecordBuilder.full().responseHeaders("{}").build(),
        RecordBuilder.full().responseHeaders(
            "{\"anthropic-ratelimit-unified-status\":\"allowed_warning\"}").build(),
        RecordBuilder.minimal().model("claude-opus-4-1").build());

    assertTrue(inserter.insert(batch));

    assertEquals(9, count("api_requests"));
    RollupCheck.assertConsistent(database.dataSource());
  }

  @Test
  void rollupsCountDuplicateIdOnce() throws SQLException, IOException {
    RequestRecord first = RecordBuilder.full().build();
    RequestRecord retried = RecordBuilder.full().requestId(first.requestId())
        .model("claude-haiku-4-5").build();

    assertTrue(inserter.insert(List.of(first, retried)));
    journal.append(List.of(retried));
    inserter.replay(10);

    assertEquals(1, count("api_requests"));
    RollupCheck.assertConsistent(database.dataSource());
  }

  @Test
  void rejectedRecordGoesToDeadLetter() throws SQLException, IOException {
    List<RequestRecord> batch = new ArrayList<>(fullRecords(4));
    RequestRecord tooLong = RecordBuilder.full().model("m".repeat(300)).build();
    batch.add(2, tooLong);

    assertTrue(inserter.insert(batch));

    assertEquals(4, count("api_requests"));
    List<String> deadLetters = Files.readAllLines(journalDirectory.resolve("dead-letter.jsonl"));
    assertEquals(1, deadLetters.size());
    assertEquals(tooLong.requestId(), RequestRecordJson.fromLine(deadLetters.get(0)).requestId());
    assertTrue(inserter.isDatabaseAvailable());
    RollupCheck.assertConsistent(database.dataSource());
  }

  @Test
  void rejectionLogOmitsRecordContent() throws SQLException {
    String marker = "private-prompt-text-7f3a";
    List<RequestRecord> batch = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      batch.add(RecordBuilder.full().requestBody("{\"prompt\":\"" + marker + "\"}").build());
    }
    batch.add(1, RecordBuilder.full().model("m".repeat(300)).build());
    List<String> messages = new CopyOnWriteArrayList<>();
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        messages.add(new SimpleFormatter().formatMessage(record));
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger logger = Logger.getLogger(BatchInserter.class.getName());
    logger.addHandler(handler);
    try {
      inserter.insert(batch);
    } finally {
      logger.removeHandler(handler);
    }

    assertEquals(3, count("api_requests"));
    assertFalse(messages.isEmpty(), "the rejection was not logged");
    for (String message : messages) {
      assertFalse(message.contains(marker), message);
      assertTrue(message.length() < 1000, message);
    }
  }

  @Test
  void nulCharactersDoNotLoseBatch() throws SQLException {
    List<RequestRecord> batch = new ArrayList<>(fullRecords(9));
    RequestRecord withNul = RecordBuilder.full()
        .error("before\u0000after")
        .requestBody("{\"model\":\"claude-sonnet-4-5\",\"messages\":[{\"role\":\"user\","
            + "\"content\":\"nul \\u0000 here\"}]}")
        .build();
    batch.add(4, withNul);

    assertTrue(inserter.insert(batch));

    assertEquals(10, count("api_requests"));
    assertFalse(Files.exists(journalDirectory.resolve("dead-letter.jsonl")), "a record was dead-lettered");
    RollupCheck.assertConsistent(database.dataSource());
  }

  @Test
  void replayWritesJournalRecords() throws SQLException, IOException {
    journal.append(fullRecords(7));

    inserter.replay(3);

    assertEquals(7, count("api_requests"));
    assertFalse(journal.hasWork());
  }

  @Test
  void replayOfStoredRecordsIsHarmless() throws SQLException, IOException {
    List<RequestRecord> records = fullRecords(3);
    inserter.insert(records.subList(0, 2));
    journal.append(records);

    inserter.replay(10);

    assertEquals(3, count("api_requests"));
    assertFalse(journal.hasWork());
    RollupCheck.assertConsistent(database.dataSource());
  }

  @Test
  void successfulInsertKeepsDatabaseAvailable() {
    assertTrue(inserter.insert(fullRecords(1)));

    assertTrue(inserter.isDatabaseAvailable());
  }
}
