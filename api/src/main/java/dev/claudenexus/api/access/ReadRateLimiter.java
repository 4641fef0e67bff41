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
  private static final long SWEEP_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final int perMinute;
  private final LongSupplier nanoClock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private volatile long lastSweep;

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
    this.lastSweep = nanoClock.getAsLong() - SWEEP_INTERVAL_NANOS - 1;
  }

  /** The outcome of one request: allowed, and otherwise how long the client must wait. */
  public record Decision(boolean allowed, int limit, int remaining, long retryAfterSeconds) {}

  /** Takes one request from the client's allowance. */
  public Decision acquire(String client) {
    long now = nanoClock.getAsLong();
    // Sweeps about once a second: with many clients that keep sending, few buckets are full.
    if (buckets.size() > MAX_TRACKED_CLIENTS && now - lastSweep > SWEEP_INTERVAL_NANOS) {
      lastSweep = now;
      buckets.values().removeIf(bucket -> bucket.isFull(now));
    }
    return buckets.computeIfAbsent(client, key -> new Bucket(now)).take(now);
  }

  /** Gives back one request that {@link #acquire} took from the client, up to its full allowance. */
  public void refund(String client) {
    Bucket bucket = buckets.get(client);
    if (bucket != null) {
      bucket.refund();
    }
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
      long waitNanos = (long) Math.ceil((1 - tokens) * nanosPerToken);
      return new Decision(false, perMinute, 0, Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos) + 1));
    }

    synchronized void refund() {
      tokens = Math.min(perMinute, tokens + 1);
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
