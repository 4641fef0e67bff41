package dev.claudenexus.proxy.metrics;

import dev.claudenexus.api.metrics.NexusMetrics;
import dev.claudenexus.pricing.PriceTable;
import dev.claudenexus.proxy.credentials.CredentialStore;
import dev.claudenexus.proxy.forwarding.RequestCompleted;
import dev.claudenexus.storage.RequestRecord;
import dev.claudenexus.usage.TokenUsage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * Records each finished {@code /v1/*} request: {@code nexus_proxy_requests_total}, the upstream
 * duration and time to first byte histograms, and tokens and cost by account and model. It runs on
 * the request thread after the response has ended, and meter lookups take no lock once a series
 * exists. Requests that the client-key check rejects never reach the forwarding servlet and are not
 * counted here.
 */
@ApplicationScoped
public class RequestMeters {

  @Inject NexusMetrics metrics;
  @Inject PriceTable prices;
  @Inject CredentialStore credentials;

  private MetricLabels labels;

  private static final int MAX_CACHED_SERIES = 10_000;
  private final ConcurrentMap<SeriesKey, Series> series = new ConcurrentHashMap<>();

  @PostConstruct
  void init() {
    labels = new MetricLabels(prices, domain -> credentials.forDomain(domain).isPresent());
  }

  void completed(@Observes RequestCompleted event) {
    record(event.record());
  }

  /** Records one request. */
  void record(RequestRecord record) {
    String model = labels.model(record.model());
    SeriesKey key = new SeriesKey(labels.domain(record.domain()), model,
        MetricLabels.requestType(record.requestType()), record.responseStatus(), record.streaming(),
        MetricLabels.account(record.accountId()));
    Series meters = series.get(key);
    if (meters == null) {
      meters = new Series(metrics.registry(), key);
      // Registry lookups build and sort tags on every call, so each label combination keeps its
      // meters. Past the bound, which the label sets make unlikely, requests look them up again.
      if (series.size() < MAX_CACHED_SERIES) {
        Series known = series.putIfAbsent(key, meters);
        meters = known == null ? meters : known;
      }
    }
    meters.record(record);
  }

  /** The label values of one request's meters. */
  private record SeriesKey(String domain, String model, String requestType, int status,
      boolean streaming, String account) {
  }

  /**
   * The meters of one label combination. The first-byte timer and the cost counter are registered
   * at their first value, so that a series without one does not show it as zero.
   */
  private static final class Series {

    private final MeterRegistry registry;
    private final Tags timing;
    private final Tags account;
    private final Counter requests;
    private final Timer duration;
    private final Counter inputTokens;
    private final Counter outputTokens;
    private final Counter cacheReadTokens;
    private final Counter cacheCreationTokens;
    private volatile Timer firstByte;
    private volatile Counter cost;

    Series(MeterRegistry registry, SeriesKey key) {
      this.registry = registry;
      this.timing = Tags.of("request_type", key.requestType(), "streaming", Boolean.toString(key.streaming()));
      this.account = Tags.of("account", key.account(), "model", key.model());
      this.requests = Counter.builder("nexus.proxy.requests")
          .description("Forwarded /v1 requests by domain, model, request type and status")
          .tags(Tags.of("domain", key.domain(), "model", key.model(),
              "request_type", key.requestType(), "status", Integer.toString(key.status())))
          .register(registry);
      this.duration = Timer.builder("nexus.upstream.duration")
          .description("Time from receiving a request to the end of its response")
          .tags(timing)
          .serviceLevelObjectives(NexusMetrics.latencyBuckets())
          .register(registry);
      this.inputTokens = tokens("input");
      this.outputTokens = tokens("output");
      this.cacheReadTokens = tokens("cache_read");
      this.cacheCreationTokens = tokens("cache_creation");
    }

    private Counter tokens(String kind) {
      return Counter.builder("nexus.tokens")
          .description("Tokens of forwarded requests by account, model and kind")
          .tags(account)
          .tag("kind", kind)
          .register(registry);
    }

    void record(RequestRecord record) {
      requests.increment();
      duration.record(record.durationMs(), TimeUnit.MILLISECONDS);
      if (record.firstTokenMs() != null) {
        firstByte().record(record.firstTokenMs(), TimeUnit.MILLISECONDS);
      }
      TokenUsage usage = record.usage();
      increment(inputTokens, usage.inputTokens());
      increment(outputTokens, usage.outputTokens());
      increment(cacheReadTokens, usage.cacheReadInputTokens());
      increment(cacheCreationTokens, usage.cacheCreationInputTokens());
      if (record.costUsd() != null && record.costUsd().signum() > 0) {
        cost().increment(record.costUsd().doubleValue());
      }
    }

    private static void increment(Counter counter, long tokens) {
      if (tokens > 0) {
        counter.increment(tokens);
      }
    }

    private Timer firstByte() {
      Timer timer = firstByte;
      if (timer == null) {
        timer = Timer.builder("nexus.upstream.first.byte")
            .description("Time from receiving a request to the first byte of the upstream response")
            .tags(timing)
            .serviceLevelObjectives(NexusMetrics.latencyBuckets())
            .register(registry);
        firstByte = timer;
      }
      return timer;
    }

    private Counter cost() {
      Counter counter = cost;
      if (counter == null) {
        counter = Counter.builder("nexus.cost.usd")
            .description("Cost of forwarded requests in US dollars, by account and model")
            .tags(account)
            .register(registry);
        cost = counter;
      }
      return counter;
    }
  }
}
