package dev.claudenexus.analysis;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Delay before the next attempt of a failed analysis: 1 s times 2.5 to the power of the attempts
 * already retried, at most 15 s, plus up to 30 % jitter, as the original worker waited. The row is
 * not claimed before the delay has passed, so no worker thread sleeps through it.
 */
public final class Backoff {

  static final long BASE_MS = 1000;
  static final long MAX_MS = 15_000;
  static final double MAX_JITTER = 0.3;

  private Backoff() {}

  /**
   * Returns the delay before attempt {@code retryCount + 1}.
   *
   * @param retryCount retries so far, 1 after the first failure
   * @param random values in [0, 1), {@code Math::random} outside tests
   */
  public static Duration delay(int retryCount, DoubleSupplier random) {
    if (retryCount <= 0) {
      return Duration.ZERO;
    }
    double base = Math.min(BASE_MS * Math.pow(2.5, retryCount - 1), MAX_MS);
    return Duration.ofMillis(Math.round(base * (1 + random.getAsDouble() * MAX_JITTER)));
  }
}
