package dev.claudenexus.proxy.diagnostics;

import dev.claudenexus.proxy.ProxySettings;
import dev.claudenexus.proxy.forwarding.RequestCompleted;
import dev.claudenexus.proxy.outbound.EndpointUrls;
import dev.claudenexus.proxy.outbound.JsonPoster;
import dev.claudenexus.proxy.outbound.ManagedThreads;
import dev.claudenexus.proxy.outbound.OutboundQueue;
import dev.claudenexus.proxy.outbound.RateLimitedLog;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Posts a {@link TelemetryEvent} per finished request to {@code TELEMETRY_ENDPOINT}. The request
 * thread only queues; two workers post, each post limited to {@link #POST_TIMEOUT} in all, and
 * failures are logged at most once per minute.
 */
@ApplicationScoped
public class TelemetrySender {

  static final Duration POST_TIMEOUT = Duration.ofSeconds(5);
  static final int WORKERS = 2;
  static final int QUEUE_CAPACITY = 1000;

  private static final Logger LOG = Logger.getLogger(TelemetrySender.class.getName());

  @Inject ProxySettings settings;

  private final RateLimitedLog failureWarning = new RateLimitedLog(LOG, Duration.ofMinutes(1));
  private URI endpoint;
  private JsonPoster poster;
  private OutboundQueue queue;

  void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
    if (settings.telemetryEndpoint().isEmpty()) {
      return;
    }
    try {
      endpoint = EndpointUrls.http(settings.telemetryEndpoint().get());
    } catch (IllegalArgumentException e) {
      LOG.warning("TELEMETRY_ENDPOINT is ignored and no telemetry is sent: " + e.getMessage());
      return;
    }
    poster = new JsonPoster(POST_TIMEOUT);
    queue = new OutboundQueue("telemetry", WORKERS, QUEUE_CAPACITY, ManagedThreads.factory());
    // Only scheme, host and port: the URL's user info and path may carry a secret.
    LOG.info(() -> "Telemetry of every request is posted to " + endpoint.getScheme() + "://"
        + endpoint.getHost() + (endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort()));
  }

  void onCompleted(@Observes RequestCompleted completed) {
    if (queue != null) {
      queue.offer(() -> send(completed));
    }
  }

  private void send(RequestCompleted completed) {
    try {
      int status = poster.post(endpoint, TelemetryEvent.of(completed).toString());
      if (status < 200 || status >= 300) {
        failureWarning.warning("The telemetry endpoint answered HTTP " + status + " for request "
            + completed.record().requestId());
      }
    } catch (IOException e) {
      failureWarning.warning("Sending telemetry of request " + completed.record().requestId()
          + " failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @PreDestroy
  void stop() {
    if (queue != null) {
      queue.close();
    }
  }
}
