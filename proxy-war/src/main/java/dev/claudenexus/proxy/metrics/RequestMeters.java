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

  @PostConstruct
  void init() {
    labels = new MetricLabels(prices, domain -> credentials.forDomain(domain).isPresent());
  }

  void completed(@Observes RequestCompleted event) {
    record(event.record());
  }

  /** Records one request. */
  void record(RequestRecord record) {
    MeterRegistry registry = metrics.registry();
    String model = labels.model(record.model());
    String requestType = MetricLabels.requestType(record.requestType());
    Counter.builder("nexus.proxy.requests")
        .description("Forwarded /v1 requests by domain, model, request type and status")
        .tags(Tags.of("domain", labels.domain(record.domain()), "model", model,
            "request_type", requestType, "status", Integer.toString(record.responseStatus())))
        .register(registry)
        .increment();

    Tags timing = Tags.of("request_type", requestType, "streaming", Boolean.toString(record.streaming()));
    Timer.builder("nexus.upstream.duration")
        .description("Time from receiving a request to the end of its response")
        .tags(timing)
        .serviceLevelObjectives(NexusMetrics.latencyBuckets())
        .register(registry)
        .record(record.durationMs(), TimeUnit.MILLISECONDS);
    if (record.firstTokenMs() != null) {
      Timer.builder("nexus.upstream.first.byte")
          .description("Time from receiving a request to the first byte of the upstream response")
          .tags(timing)
          .serviceLevelObjectives(NexusMetrics.latencyBuckets())
          .register(registry)
          .record(record.firstTokenMs(), TimeUnit.MILLISECONDS);
    }
    recordUsage(registry, record, model);
  }

  private static void recordUsage(MeterRegistry registry, RequestRecord record, String model) {
    Tags account = Tags.of("account", MetricLabels.account(record.accountId()), "model", model);
    TokenUsage usage = record.usage();
    countTokens(registry, account, "input", usage.inputTokens());
    countTokens(registry, account, "output", usage.outputTokens());
    countTokens(registry, account, "cache_read", usage.cacheReadInputTokens());
    countTokens(registry, account, "cache_creation", usage.cacheCreationInputTokens());
    if (record.costUsd() != null && record.costUsd().signum() > 0) {
      Counter.builder("nexus.cost.usd")
          .description("Cost of forwarded requests in US dollars, by account and model")
          .tags(account)
          .register(registry)
          .increment(record.costUsd().doubleValue());
    }
  }

  private static void countTokens(MeterRegistry registry, Tags account, String kind, long tokens) {
    Counter counter = Counter.builder("nexus.tokens")
        .description("Tokens of forwarded requests by account, model and kind")
        .tags(account)
        .tag("kind", kind)
        .register(registry);
    if (tokens > 0) {
      counter.increment(tokens);
    }
  }
}
