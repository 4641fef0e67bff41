package dev.claudenexus.dashboard.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SlowReadsTest {

  private final AtomicLong clock = new AtomicLong();
  private final List<Runnable> background = new ArrayList<>();
  private final SlowReads reads = new SlowReads(clock::get, background::add);
  private final AtomicInteger calls = new AtomicInteger();

  /** A read that advances the clock by {@code duration} and returns its call number. */
  private SlowReads.Read<Integer> taking(Duration duration) {
    return () -> {
      clock.addAndGet(duration.toNanos());
      return calls.incrementAndGet();
    };
  }

  private void wait(Duration duration) {
    clock.addAndGet(duration.toNanos());
  }

  @Test
  void fastReadIsNeverKept() throws SQLException {
    assertThat(reads.get("k", taking(Duration.ofMillis(5)))).isEqualTo(1);
    assertThat(reads.get("k", taking(Duration.ofMillis(5)))).isEqualTo(2);
  }

  @Test
  void slowReadIsKept() throws SQLException {
    reads.get("k", taking(Duration.ofMillis(300)));
    wait(Duration.ofSeconds(10));

    assertThat(reads.get("k", taking(Duration.ofMillis(300)))).isEqualTo(1);
    assertThat(background).isEmpty();
  }

  @Test
  void oldResultIsServedWhileRefreshing() throws SQLException {
    reads.get("k", taking(Duration.ofMillis(300)));
    wait(SlowReads.REFRESH_AFTER);

    assertThat(reads.get("k", taking(Duration.ofMillis(300)))).isEqualTo(1);
    assertThat(reads.get("k", taking(Duration.ofMillis(300)))).isEqualTo(1);
    assertThat(background).hasSize(1);

    background.get(0).run();
    assertThat(reads.get("k", taking(Duration.ofMillis(300)))).isEqualTo(2);
  }

  @Test
  void expiredResultIsReadAgain() throws SQLException {
    reads.get("k", taking(Duration.ofMillis(300)));
    wait(SlowReads.MAX_AGE);

    assertThat(reads.get("k", taking(Duration.ofMillis(300)))).isEqualTo(2);
    assertThat(background).isEmpty();
  }

  @Test
  void failedRefreshKeepsResultAndRetries() throws SQLException {
    reads.get("k", taking(Duration.ofMillis(300)));
    wait(SlowReads.REFRESH_AFTER);
    SlowReads.Read<Integer> failing = () -> {
      throw new SQLException("database unavailable");
    };

    reads.get("k", failing);
    background.get(0).run();

    assertThat(reads.get("k", failing)).isEqualTo(1);
    assertThat(background).hasSize(2);
  }

  @Test
  void keysAreSeparate() throws SQLException {
    reads.get("a", taking(Duration.ofMillis(300)));

    assertThat(reads.get("b", taking(Duration.ofMillis(300)))).isEqualTo(2);
    assertThat(reads.get("a", taking(Duration.ofMillis(300)))).isEqualTo(1);
  }
}
