package dev.claudenexus.proxy.forwarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private static final int SAMPLES = 200;
  private static final long MAX_DELAY_MS = 30_000;

  private final RetryPolicy policy = new RetryPolicy(Duration.ofMillis(1000));

  private long delayMs(int attempt, String retryAfter) {
    return policy.delayAfter(attempt, Optional.ofNullable(retryAfter)).toMillis();
  }

  private static String httpDate(ZonedDateTime time) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(time.withZoneSameInstant(ZoneOffset.UTC));
  }

  @Test
  void successIsNotRetried() {
    assertFalse(RetryPolicy.retryableStatus(200));
  }

  @Test
  void clientErrorsAreNotRetried() {
    for (int status : new int[] {400, 401, 403, 404, 413}) {
      assertFalse(RetryPolicy.retryableStatus(status), Integer.toString(status));
    }
  }

  @Test
  void rateLimitIsRetried() {
    assertTrue(RetryPolicy.retryableStatus(429));
  }

  @Test
  void serverErrorsAreRetried() {
    for (int status : new int[] {500, 502, 503, 504, 529}) {
      assertTrue(RetryPolicy.retryableStatus(status), Integer.toString(status));
    }
  }

  @Test
  void firstDelayIsBasePlusJitter() {
    for (int i = 0; i < SAMPLES; i++) {
      long delay = delayMs(1, null);

      assertTrue(delay >= 1000, Long.toString(delay));
      assertTrue(delay <= 1500, Long.toString(delay));
    }
  }

  @Test
  void delayDoublesPerAttempt() {
    for (int attempt = 1; attempt <= 4; attempt++) {
      long exponential = 1000L << (attempt - 1);
      for (int i = 0; i < SAMPLES; i++) {
        long delay = delayMs(attempt, null);

        assertTrue(delay >= exponential, attempt + ": " + delay);
        assertTrue(delay <= exponential + exponential / 2, attempt + ": " + delay);
      }
    }
  }

  @Test
  void delayIsCappedWithJitter() {
    for (int attempt : new int[] {6, 10, 30, 64, 1000, Integer.MAX_VALUE}) {
      for (int i = 0; i < SAMPLES; i++) {
        long delay = delayMs(attempt, null);

        assertTrue(delay >= MAX_DELAY_MS, attempt + ": " + delay);
        assertTrue(delay <= MAX_DELAY_MS + MAX_DELAY_MS / 2, attempt + ": " + delay);
      }
    }
  }

  @Test
  void jitterVaries() {
    long first = delayMs(3, null);
    boolean varied = false;
    for (int i = 0; i < SAMPLES && !varied; i++) {
      varied = delayMs(3, null) != first;
    }

    assertTrue(varied, "200 delays were all " + first + " ms");
  }

  @Test
  void zeroBaseGivesZeroDelay() {
    assertEquals(Duration.ZERO, new RetryPolicy(Duration.ZERO).delayAfter(3, Optional.empty()));
  }

  @Test
  void retryAfterSecondsRaiseDelay() {
    assertEquals(120_000, delayMs(1, "120"));
  }

  @Test
  void retryAfterFractionIsAccepted() {
    assertEquals(Optional.of(2_500L), RetryPolicy.parseRetryAfter("2.5"));
  }

  @Test
  void shorterRetryAfterKeepsBackoff() {
    for (int i = 0; i < SAMPLES; i++) {
      long delay = delayMs(3, "1");

      assertTrue(delay >= 4000, Long.toString(delay));
    }
  }

  @Test
  void retryAfterBeyondCapIsHonoured() {
    assertEquals(90_000, delayMs(10, "90"));
  }

  @Test
  void retryAfterDateRaisesDelay() {
    String inTwoMinutes = httpDate(ZonedDateTime.now().plusSeconds(120));

    long delay = delayMs(1, inTwoMinutes);

    assertTrue(delay > 110_000, Long.toString(delay));
    assertTrue(delay <= 120_000, Long.toString(delay));
  }

  @Test
  void pastRetryAfterDateIsZero() {
    assertEquals(Optional.of(0L), RetryPolicy.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT"));
  }

  @Test
  void retryAfterIsStripped() {
    assertEquals(Optional.of(7_000L), RetryPolicy.parseRetryAfter("  7 "));
  }

  @Test
  void invalidRetryAfterIsIgnored() {
    List<String> values = List.of(
        "", "soon", "-5", "1e3", "NaN", "Infinity", "-Infinity", "0x10", "10d", "5 seconds",
        "Wed, 31 Feb 2015 07:28:00 GMT", "2015-10-21T07:28:00Z");

    for (String value : values) {
      assertEquals(Optional.empty(), RetryPolicy.parseRetryAfter(value), value);
    }
  }

  @Test
  void invalidRetryAfterKeepsBackoff() {
    for (int i = 0; i < SAMPLES; i++) {
      long delay = delayMs(1, "Infinity");

      assertTrue(delay >= 1000, Long.toString(delay));
      assertTrue(delay <= 1500, Long.toString(delay));
    }
  }

  @Test
  void hugeRetryAfterStaysRepresentable() {
    Duration delay = policy.delayAfter(1, Optional.of("9".repeat(400)));

    assertEquals(Long.MAX_VALUE, delay.toMillis());
  }
}
