package dev.claudenexus.proxy.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RateLimitedLogTest {

  private final Logger logger = Logger.getLogger("test.RateLimitedLogTest");
  private final List<String> messages = new ArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      messages.add(record.getMessage());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @BeforeEach
  void attach() {
    logger.setUseParentHandlers(false);
    logger.addHandler(capture);
  }

  @AfterEach
  void detach() {
    logger.removeHandler(capture);
  }

  @Test
  void repeatsWithinIntervalSuppressed() {
    AtomicLong now = new AtomicLong(0);
    RateLimitedLog log = new RateLimitedLog(logger, Duration.ofMinutes(1), now::get);

    log.warning("first");
    log.warning("second");
    log.warning("third");

    assertEquals(List.of("first"), messages);
  }

  @Test
  void nextIntervalLogsSuppressedCount() {
    AtomicLong now = new AtomicLong(0);
    RateLimitedLog log = new RateLimitedLog(logger, Duration.ofMinutes(1), now::get);
    log.warning("first");
    log.warning("second");
    log.warning("third");

    now.addAndGet(Duration.ofSeconds(61).toNanos());
    log.warning("fourth");

    assertEquals(List.of("first", "fourth (2 similar warnings suppressed)"), messages);
  }
}
