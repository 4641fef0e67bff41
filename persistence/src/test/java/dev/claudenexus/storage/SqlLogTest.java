package dev.claudenexus.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.claudenexus.usage.TokenUsage;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SqlLogTest {

  private final List<LogRecord> logged = new ArrayList<>();
  private final Logger logger = Logger.getLogger(SqlLog.class.getName());
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord record) {
      logged.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @BeforeEach
  void capture() {
    logger.addHandler(handler);
  }

  @AfterEach
  void release() {
    logger.removeHandler(handler);
  }

  private static RequestRecord record(String body) {
    return new RequestRecord(UUID.randomUUID(), "example.com", OffsetDateTime.now(), "POST", "/v1/messages",
        null, "{}", body, null, null, "claude-sonnet-4-5", "inference", 1, 200, null, null, false,
        TokenUsage.NONE, null, null, null, 5, "complete", null, null, 0, 1, List.of());
  }

  private String message() {
    LogRecord record = logged.get(0);
    return java.text.MessageFormat.format(record.getMessage(), record.getParameters());
  }

  @Test
  void quietWithoutDebugWhenFast() {
    new SqlLog(false, 5000).batch("INSERT", List.of(record("{}")), 1_000_000);

    assertTrue(logged.isEmpty());
  }

  @Test
  void debugLogsSqlRowsAndTime() {
    RequestRecord record = record("{\"secret\":\"sk-ant-api03-do-not-log\"}");
    new SqlLog(true, 5000).batch("INSERT INTO api_requests", List.of(record), 12_000_000);

    assertEquals(Level.INFO, logged.get(0).getLevel());
    assertTrue(message().contains("INSERT INTO api_requests"), message());
    assertTrue(message().contains(record.requestId().toString()), message());
    assertTrue(message().contains("12 ms"), message());
    assertFalse(message().contains("sk-ant-api03-do-not-log"), message());
  }

  @Test
  void slowBatchWarnsWithoutDebug() {
    new SqlLog(false, 100).batch("INSERT", List.of(record("{}")), 250_000_000);

    assertEquals(Level.WARNING, logged.get(0).getLevel());
    assertTrue(message().startsWith("Slow SQL 250 ms"), message());
  }
}
