package dev.claudenexus.api.metrics;

import dev.claudenexus.api.ApiFlavor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;

/**
 * The Micrometer registry of one war. Every meter carries the tag {@code service} ({@code proxy} or
 * {@code dashboard}), so one Prometheus job can scrape both ports. The JVM's memory, threads, garbage
 * collection, class loading, CPU and uptime are included, because Payara's own {@code /metrics} is
 * switched off at start.
 */
@ApplicationScoped
public class NexusMetrics {

  /**
   * Histogram bucket bounds of request latencies: from 5 ms to 10 minutes, since a streamed
   * response with long thinking can take minutes.
   */
  static final Duration[] LATENCY_BUCKETS = {
    Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
    Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
    Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
    Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofSeconds(300), Duration.ofSeconds(600)
  };

  @Inject ApiFlavor flavor;

  private PrometheusMeterRegistry registry;
  private JvmGcMetrics gcMetrics;

  @PostConstruct
  void init() {
    registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().commonTags("service", flavor.name().toLowerCase(Locale.ROOT));
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    gcMetrics = new JvmGcMetrics();
    gcMetrics.bindTo(registry);
  }

  /** Returns the registry that meters of this war register with. */
  public MeterRegistry registry() {
    return registry;
  }

  /** Returns every meter in the Prometheus text format, version 0.0.4. */
  public String scrape() {
    return registry.scrape();
  }

  /** Returns the bucket bounds of latency histograms. */
  public static Duration[] latencyBuckets() {
    return LATENCY_BUCKETS.clone();
  }

  @PreDestroy
  void close() {
    // The garbage collection binder listens to JVM notifications until it is closed.
    gcMetrics.close();
    registry.close();
  }
}
