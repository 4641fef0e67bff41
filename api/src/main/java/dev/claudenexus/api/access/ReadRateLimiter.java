package dev.claudenexus.api.access;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Limits the reads of each client in read-only mode with a token bucket: a client may send up to a
 * minute's allowance at once, and the allowance refills evenly over the minute. A burst of page loads
 * passes, while a client that keeps sending faster than the limit gets 429.
 */
public final class ReadRateLimiter {

  /** Above this many tracked clients, the buckets of clients that have fully refilled are dropped. */
  static final int MAX_TRACKED_CLIENTS = 10_000;

  private final int perMinute;
  private final LongSupplier nanoClock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  /**
   * Creates a limiter.
   *
   * @param perMinute requests per minute and client, above 0
   * @param nanoClock a monotonic clock in nanoseconds, {@code System::nanoTime} outside tests
   */
  public ReadRateLimiter(int perMinute, LongSupplier nanoClock) {
    if (perMinute <= 0) {
      throw new IllegalArgumentException("perMinute must be above 0, not " + perMinute);
    }
    this.perMinute = perMinute;
    this.nanoClock = nanoClock;
  }

  /** The outcome of one request: allowed, and otherwise how long the client must wait. */
  public record Decision(boolean allowed, int limit, int remaining, long retryAfterSeconds) {}

  /** Takes one request from the client's allowance. */
  public Decision acquire(String client) {
    long now = nanoClock.getAsLong();
    if (buckets.size() > MAX_TRACKED_CLIENTS) {
      buckets.values().removeIf(bucket -> bucket.isFull(now));
    }
    return buckets.computeIfAbsent(client, key -> new Bucket(now)).take(now);
  }

  /**
   * Returns whether the client has a request left, without taking it. A client without a bucket has
   * its whole allowance.
   */
  public Decision peek(String client) {
    Bucket bucket = buckets.get(client);
    return bucket == null
        ? new Decision(true, perMinute, perMinute, 0)
        : bucket.peek(nanoClock.getAsLong());
  }

  private final class Bucket {
    private final double nanosPerToken = TimeUnit.MINUTES.toNanos(1) / (double) perMinute;
    private double tokens = perMinute;
    private long updated;

    Bucket(long now) {
      this.updated = now;
    }

    synchronized Decision take(long now) {
      refill(now);
      if (tokens >= 1) {
        tokens -= 1;
        return new Decision(true, perMinute, (int) tokens, 0);
      }
      return denied();
    }

    private Decision denied() {
      long waitNanos = (long) Math.ceil((1 - tokens) * nanosPerToken);
      return new Decision(false, perMinute, 0, Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos) + 1));
    }

    synchronized Decision peek(long now) {
      refill(now);
      if (tokens >= 1) {
        return new Decision(true, perMinute, (int) tokens, 0);
      }
      return denied();
    }

    synchronized boolean isFull(long now) {
      refill(now);
      return tokens >= perMinute;
    }

    private void refill(long now) {
      tokens = Math.min(perMinute, tokens + (now - updated) / nanosPerToken);
      updated = now;
    }
  }
}
