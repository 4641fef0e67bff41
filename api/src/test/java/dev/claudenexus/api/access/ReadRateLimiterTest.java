package dev.claudenexus.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReadRateLimiterTest {

  private final AtomicLong clock = new AtomicLong();
  private final ReadRateLimiter limiter = new ReadRateLimiter(60, clock::get);

  @Test
  void burstUpToLimitPasses() {
    for (int i = 0; i < 60; i++) {
      assertThat(limiter.acquire("a").allowed()).as("request %d", i).isTrue();
    }
  }

  @Test
  void floodBeyondLimitIsRejected() {
    for (int i = 0; i < 60; i++) {
      limiter.acquire("a");
    }
    ReadRateLimiter.Decision decision = limiter.acquire("a");

    assertThat(decision.allowed()).isFalse();
    assertThat(decision.retryAfterSeconds()).isBetween(1L, 2L);
  }

  @Test
  void allowanceRefillsOverTime() {
    for (int i = 0; i < 60; i++) {
      limiter.acquire("a");
    }
    clock.addAndGet(TimeUnit.SECONDS.toNanos(2));

    assertThat(limiter.acquire("a").allowed()).isTrue();
    assertThat(limiter.acquire("a").allowed()).isTrue();
    assertThat(limiter.acquire("a").allowed()).isFalse();
  }

  @Test
  void clientsHaveSeparateAllowances() {
    for (int i = 0; i < 60; i++) {
      limiter.acquire("a");
    }

    assertThat(limiter.acquire("b").allowed()).isTrue();
  }

  @Test
  void remainingCountsDown() {
    assertThat(limiter.acquire("a").remaining()).isEqualTo(59);
    assertThat(limiter.acquire("a").remaining()).isEqualTo(58);
  }

  @Test
  void refundGivesRequestBack() {
    for (int i = 0; i < 60; i++) {
      limiter.acquire("a");
    }
    limiter.refund("a");

    assertThat(limiter.acquire("a").allowed()).isTrue();
    assertThat(limiter.acquire("a").allowed()).isFalse();
  }

  @Test
  void refundStopsAtFullAllowance() {
    limiter.refund("a");
    limiter.acquire("a");
    limiter.refund("a");
    limiter.refund("a");

    assertThat(limiter.acquire("a").remaining()).isEqualTo(59);
  }
}
