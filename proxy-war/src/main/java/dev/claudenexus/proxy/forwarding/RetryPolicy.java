package dev.claudenexus.proxy.forwarding;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Retry rules for calls to the Anthropic API. Connection failures, timeouts, 429 and 5xx (529 is the
 * API's overloaded_error) are retried with exponential backoff plus up to 50 % jitter, capped at 30 s,
 * and never sooner than the {@code Retry-After} header requests.
 */
final class RetryPolicy {

  private static final long MAX_DELAY_MS = 30_000;
  private static final Pattern SECONDS = Pattern.compile("\\d+(\\.\\d+)?");

  private final Duration baseDelay;

  RetryPolicy(Duration baseDelay) {
    this.baseDelay = baseDelay;
  }

  static boolean retryableStatus(int status) {
    return status == 429 || status >= 500;
  }

  /** Returns the delay before attempt {@code attempt + 1}. */
  Duration delayAfter(int attempt, Optional<String> retryAfter) {
    long exponential = Math.min(MAX_DELAY_MS, baseDelay.toMillis() << Math.min(20, attempt - 1));
    long jitter = exponential == 0 ? 0 : ThreadLocalRandom.current().nextLong(exponential / 2 + 1);
    long delay = exponential + jitter;
    long requested = retryAfter.flatMap(RetryPolicy::parseRetryAfter).orElse(0L);
    return Duration.ofMillis(Math.max(delay, requested));
  }

  /**
   * Parses {@code Retry-After} as seconds (digits, with an optional fraction) or an HTTP date; returns
   * milliseconds, at most {@link Long#MAX_VALUE}. Other text, such as {@code NaN}, {@code Infinity} or
   * {@code 1e3}, which {@link Double#parseDouble} would accept, is ignored.
   */
  static Optional<Long> parseRetryAfter(String value) {
    String text = value.strip();
    if (SECONDS.matcher(text).matches()) {
      return Optional.of((long) (Double.parseDouble(text) * 1000));
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
      return Optional.of(Math.max(0, Duration.between(ZonedDateTime.now(java.time.ZoneOffset.UTC), at).toMillis()));
    } catch (DateTimeParseException notDate) {
      return Optional.empty();
    }
  }
}
