package dev.claudenexus.proxy.metrics;

import dev.claudenexus.api.metrics.NexusMetrics;
import dev.claudenexus.proxy.oauth.OAuthMetrics;
import dev.claudenexus.storage.StorageWriter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Registers the proxy's gauges when it starts: the storage writer's queue, journal and batch
 * durations, and the OAuth refresh counters that {@code /oauth-metrics} also serves, read from the
 * same {@link OAuthMetrics} so both always agree.
 */
@ApplicationScoped
public class ProxyMeters {

  /** Bucket bounds of batch durations: a batch normally takes milliseconds, an outage seconds. */
  private static final Duration[] BATCH_BUCKETS = {
    Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
    Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
    Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30)
  };

  @Inject NexusMetrics metrics;
  @Inject StorageWriter storage;
  @Inject OAuthMetrics oauth;

  void started(@Observes @Initialized(ApplicationScoped.class) Object event) {
    MeterRegistry registry = metrics.registry();
    registerStorage(registry);
    registerOAuth(registry);
  }

  private void registerStorage(MeterRegistry registry) {
    // A meter keeps only a weak reference to its object, so the objects are the fields of this application-scoped
    // bean, which live as long as the war.
    Gauge.builder("nexus.storage.queue", storage, StorageWriter::queuedRecords)
        .description("Records waiting in memory for the storage writer")
        .baseUnit("records")
        .register(registry);
    Gauge.builder("nexus.storage.journal", storage, StorageWriter::journalBytes)
        .description("Bytes of records waiting in the local journal for the database")
        .baseUnit("bytes")
        .register(registry);
    Timer stored = batchTimer(registry, "stored");
    Timer journaled = batchTimer(registry, "journaled");
    storage.observeBatches((records, nanos, wasStored) ->
        (wasStored ? stored : journaled).record(nanos, TimeUnit.NANOSECONDS));
  }

  private static Timer batchTimer(MeterRegistry registry, String result) {
    return Timer.builder("nexus.storage.batch")
        .description("Time to write one batch of records to the database; journaled batches failed")
        .tag("result", result)
        .serviceLevelObjectives(BATCH_BUCKETS)
        .register(registry);
  }

  private void registerOAuth(MeterRegistry registry) {
    counter(registry, "nexus.oauth.refresh.attempts", "OAuth token refreshes started",
        counters -> counters.snapshot().attempts());
    counter(registry, "nexus.oauth.refresh.successes", "OAuth token refreshes that succeeded",
        counters -> counters.snapshot().successes());
    counter(registry, "nexus.oauth.refresh.failures", "OAuth token refreshes that failed",
        counters -> counters.snapshot().failures());
    counter(registry, "nexus.oauth.refresh.waits",
        "Requests that waited for a refresh another thread had started",
        counters -> counters.snapshot().concurrentWaits());
    FunctionCounter.builder("nexus.oauth.refresh.time", oauth,
            counters -> counters.snapshot().totalRefreshTime() / 1000.0)
        .description("Total time spent in OAuth token refreshes")
        .baseUnit("seconds")
        .register(registry);
    Gauge.builder("nexus.oauth.refreshes.active", oauth,
            counters -> counters.snapshot().currentActiveRefreshes())
        .description("OAuth token refreshes in progress")
        .register(registry);
    Gauge.builder("nexus.oauth.credentials.failed", oauth,
            counters -> counters.snapshot().currentFailedRefreshes())
        .description("Credentials whose last OAuth token refresh failed")
        .register(registry);
  }

  private void counter(MeterRegistry registry, String name, String description,
      ToDoubleFunction<OAuthMetrics> value) {
    FunctionCounter.builder(name, oauth, value)
        .description(description)
        .register(registry);
  }
}
