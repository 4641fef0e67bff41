package dev.claudenexus.proxy.outbound;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs a repeated warning at most once per interval. Each line after the first says how many
 * warnings were suppressed since the previous line.
 */
public final class RateLimitedLog {

  private final Logger logger;
  private final long intervalNanos;
  private final LongSupplier nanoClock;
  private final AtomicLong nextAllowed;
  private final AtomicLong suppressed = new AtomicLong();

  public RateLimitedLog(Logger logger, Duration interval) {
    this(logger, interval, System::nanoTime);
  }

  RateLimitedLog(Logger logger, Duration interval, LongSupplier nanoClock) {
    this.logger = logger;
    this.intervalNanos = interval.toNanos();
    this.nanoClock = nanoClock;
    this.nextAllowed = new AtomicLong(nanoClock.getAsLong());
  }

  /** Logs the message at WARNING unless a warning was logged less than one interval ago. */
  public void warning(String message) {
    long now = nanoClock.getAsLong();
    long allowed = nextAllowed.get();
    if (now - allowed < 0 || !nextAllowed.compareAndSet(allowed, now + intervalNanos)) {
      suppressed.incrementAndGet();
      return;
    }
    long skipped = suppressed.getAndSet(0);
    String suffix = skipped == 0 ? "" : " (" + skipped + " similar warnings suppressed)";
    logger.log(Level.WARNING, message + suffix);
  }
}
