package dev.claudenexus.proxy.oauth;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/** Counters of token refreshes, served at {@code /oauth-metrics} in the original's field names. */
@ApplicationScoped
public class OAuthMetrics {

  final AtomicLong attempts = new AtomicLong();
  final AtomicLong successes = new AtomicLong();
  final AtomicLong failures = new AtomicLong();
  final AtomicLong concurrentWaits = new AtomicLong();
  final AtomicLong totalRefreshTimeMs = new AtomicLong();
  final AtomicLong activeRefreshes = new AtomicLong();
  final AtomicLong failedCredentials = new AtomicLong();

  /** A point-in-time copy of the counters. */
  public record Snapshot(long attempts, long successes, long failures, long concurrentWaits,
      long totalRefreshTime, long currentActiveRefreshes, long currentFailedRefreshes) {}

  public Snapshot snapshot() {
    return new Snapshot(attempts.get(), successes.get(), failures.get(), concurrentWaits.get(),
        totalRefreshTimeMs.get(), activeRefreshes.get(), failedCredentials.get());
  }
}
