package dev.claudenexus.proxy.oauth;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of token refreshes, served at {@code /oauth-metrics} in the original's field names and
 * as Prometheus meters. Callers change them only through methods: other beans hold a CDI client
 * proxy, and a field read or written through the proxy is the proxy's own field, not this bean's.
 */
@ApplicationScoped
public class OAuthMetrics {

  private final AtomicLong attempts = new AtomicLong();
  private final AtomicLong successes = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong concurrentWaits = new AtomicLong();
  private final AtomicLong totalRefreshTimeMs = new AtomicLong();
  private final AtomicLong activeRefreshes = new AtomicLong();
  private final AtomicLong failedCredentials = new AtomicLong();

  /** A point-in-time copy of the counters. */
  public record Snapshot(long attempts, long successes, long failures, long concurrentWaits,
      long totalRefreshTime, long currentActiveRefreshes, long currentFailedRefreshes) {}

  public Snapshot snapshot() {
    return new Snapshot(attempts.get(), successes.get(), failures.get(), concurrentWaits.get(),
        totalRefreshTimeMs.get(), activeRefreshes.get(), failedCredentials.get());
  }

  /** Counts a request that waited for a refresh another thread had started. */
  void waited() {
    concurrentWaits.incrementAndGet();
  }

  /** Counts a refresh that starts now. */
  void refreshStarted() {
    attempts.incrementAndGet();
    activeRefreshes.incrementAndGet();
  }

  /** Ends a refresh that {@link #refreshStarted} counted, after {@code millis} milliseconds. */
  void refreshEnded(long millis) {
    activeRefreshes.decrementAndGet();
    totalRefreshTimeMs.addAndGet(millis);
  }

  /** Counts a successful refresh, and one failed credential fewer when {@code recovered}. */
  void succeeded(boolean recovered) {
    successes.incrementAndGet();
    if (recovered) {
      failedCredentials.decrementAndGet();
    }
  }

  /** Counts a failed refresh, and one failed credential more when {@code firstFailure}. */
  void failed(boolean firstFailure) {
    failures.incrementAndGet();
    if (firstFailure) {
      failedCredentials.incrementAndGet();
    }
  }
}
