package dev.claudenexus.dashboard.pages;

import dev.claudenexus.api.ContainerResources;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the results of page reads that scan many rows: all-time totals, the domains of the last
 * 7 days, hourly sums. A read that took at least {@link #SLOW_READ} is kept. A view within
 * {@link #REFRESH_AFTER} gets the kept result, and a later view still gets it but starts a new read
 * in the background. After {@link #MAX_AGE} the page waits for a new read. Fast reads are never
 * kept, so a small database always shows current numbers, and a large one numbers at most about
 * {@link #REFRESH_AFTER} plus one read old.
 */
@ApplicationScoped
public class SlowReads {

  static final Duration SLOW_READ = Duration.ofMillis(200);
  static final Duration REFRESH_AFTER = Duration.ofSeconds(30);
  static final Duration MAX_AGE = Duration.ofMinutes(10);
  /** Bounds the kept results. Keys include a domain, and a domain without rows reads fast. */
  static final int MAX_ENTRIES = 512;

  private static final Logger LOG = Logger.getLogger(SlowReads.class.getName());

  /** A database read. */
  @FunctionalInterface
  public interface Read<T> {
    T read() throws SQLException;
  }

  private static final class Entry {
    final Object value;
    final long storedAtNanos;
    final AtomicBoolean refreshing = new AtomicBoolean();

    Entry(Object value, long storedAtNanos) {
      this.value = value;
      this.storedAtNanos = storedAtNanos;
    }
  }

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  /** Set after a background read failed, so that an outage logs one warning, not one per view. */
  private final AtomicBoolean refreshFailing = new AtomicBoolean();
  private final LongSupplier nanoClock;
  private Executor executor;

  /** Creates the container's instance, which refreshes on the default managed executor. */
  public SlowReads() {
    this(System::nanoTime, null);
  }

  SlowReads(LongSupplier nanoClock, Executor executor) {
    this.nanoClock = nanoClock;
    this.executor = executor;
  }

  /**
   * Returns the kept result of {@code key}, or reads it. Each key must always stand for a read of
   * the same type.
   */
  @SuppressWarnings("unchecked")
  public <T> T get(String key, Read<T> read) throws SQLException {
    Entry entry = entries.get(key);
    long age = entry == null ? Long.MAX_VALUE : nanoClock.getAsLong() - entry.storedAtNanos;
    if (age >= MAX_AGE.toNanos()) {
      return load(key, read);
    }
    if (age >= REFRESH_AFTER.toNanos() && entry.refreshing.compareAndSet(false, true)) {
      executor().execute(() -> refresh(key, read, entry));
    }
    return (T) entry.value;
  }

  private <T> T load(String key, Read<T> read) throws SQLException {
    long start = nanoClock.getAsLong();
    T value = read.read();
    long end = nanoClock.getAsLong();
    if (end - start < SLOW_READ.toNanos()) {
      entries.remove(key);
    } else if (entries.size() < MAX_ENTRIES || entries.containsKey(key)) {
      entries.put(key, new Entry(value, end));
    }
    return value;
  }

  private void refresh(String key, Read<?> read, Entry entry) {
    try {
      load(key, read);
      if (refreshFailing.compareAndSet(true, false)) {
        LOG.info("Refreshing kept page reads works again");
      }
    } catch (SQLException | RuntimeException e) {
      // The kept result stays until MAX_AGE, and the next view after this one tries again.
      Level level = refreshFailing.compareAndSet(false, true) ? Level.WARNING : Level.FINE;
      LOG.log(level, e, () -> "Refreshing the kept page read " + key + " failed; the page shows"
          + " the previous result until it is " + MAX_AGE.toMinutes() + " minutes old");
      entry.refreshing.set(false);
    }
  }

  private synchronized Executor executor() {
    if (executor == null) {
      executor = ContainerResources.scheduledExecutor();
    }
    return executor;
  }
}
