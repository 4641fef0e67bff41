package dev.claudenexus.proxy.forwarding;

import dev.claudenexus.proxy.ProxySettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends requests to the Anthropic API and retries failed attempts before any byte reaches the client,
 * within the configured number of attempts and total time budget.
 */
@ApplicationScoped
public class UpstreamClient {

  static final String DEFAULT_ANTHROPIC_VERSION = "2023-06-01";
  private static final int MAX_ERROR_BODY_BYTES = 4 * 1024 * 1024;
  private static final Logger LOG = Logger.getLogger(UpstreamClient.class.getName());

  @Inject ProxySettings settings;

  private HttpClient http;
  private RetryPolicy retryPolicy;

  /** Creates the HTTP/1.1 client. The JDK 17 client sets TCP_NODELAY on every connection it opens. */
  @PostConstruct
  void init() {
    Duration connectTimeout = settings.upstreamTimeout().compareTo(Duration.ofSeconds(10)) < 0
        ? settings.upstreamTimeout()
        : Duration.ofSeconds(10);
    http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(connectTimeout)
        .build();
    retryPolicy = new RetryPolicy(settings.retryBaseDelay());
  }

  /**
   * Sends the request, retrying as {@link RetryPolicy} allows.
   *
   * @throws UpstreamFailure when no attempt produced response headers
   */
  UpstreamExchange send(InboundRequest inbound, UpstreamAuth auth)
      throws UpstreamFailure, InterruptedException {
    HttpRequest request = build(inbound, auth);
    long deadline = System.nanoTime() + settings.retryBudget().toNanos();
    IOException lastFailure = null;
    int attempt = 0;
    while (attempt < settings.maxAttempts()) {
      attempt++;
      Duration delay;
      try {
        HttpResponse<UpstreamBody> response = http.send(request, info -> new UpstreamBody());
        int status = response.statusCode();
        if (!RetryPolicy.retryableStatus(status) || attempt >= settings.maxAttempts()) {
          return new UpstreamExchange(response, attempt, null);
        }
        byte[] errorBody = readFully(response.body());
        delay = retryPolicy.delayAfter(attempt, response.headers().firstValue("retry-after"));
        if (!fitsBudget(delay, deadline)) {
          return new UpstreamExchange(response, attempt, errorBody);
        }
        logRetry(inbound, attempt, "status " + status, delay);
      } catch (IOException e) {
        lastFailure = e;
        delay = retryPolicy.delayAfter(attempt, Optional.empty());
        if (attempt >= settings.maxAttempts() || !fitsBudget(delay, deadline)) {
          break;
        }
        logRetry(inbound, attempt, e.toString(), delay);
      }
      Thread.sleep(delay.toMillis());
    }
    throw failure(lastFailure, attempt);
  }

  private UpstreamFailure failure(IOException cause, int attempts) {
    String base = settings.upstreamBaseUrl().toString();
    if (cause instanceof HttpTimeoutException) {
      return new UpstreamFailure(
          "The Anthropic API at " + base + " sent no response within "
              + settings.upstreamTimeout().toMillis() + " ms (CLAUDE_API_TIMEOUT)",
          true, attempts, cause);
    }
    return new UpstreamFailure(
        "The Anthropic API at " + base + " is unreachable after " + attempts + " attempts ("
            + cause + "); check CLAUDE_API_BASE_URL and the network",
        false, attempts, cause);
  }

  private static boolean fitsBudget(Duration delay, long deadline) {
    // Compared as durations: delay.toNanos() overflows for a Retry-After of about 292 years or more.
    return delay.compareTo(Duration.ofNanos(deadline - System.nanoTime())) < 0;
  }

  private static void logRetry(InboundRequest inbound, int attempt, String reason, Duration delay) {
    LOG.log(Level.INFO, "Request {0}: attempt {1} failed ({2}); retrying in {3} ms",
        new Object[] {inbound.requestId(), attempt, reason, delay.toMillis()});
  }

  private HttpRequest build(InboundRequest inbound, UpstreamAuth auth) {
    URI uri = URI.create(settings.upstreamBaseUrl() + inbound.target());
    HttpRequest.BodyPublisher body = inbound.body().length == 0
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(inbound.body());
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
        .timeout(settings.upstreamTimeout())
        .method(inbound.method(), body);
    Set<String> connectionTokens =
        HeaderRules.connectionTokens(inbound.headers().getOrDefault("connection", List.of()));
    for (Map.Entry<String, List<String>> header : inbound.headers().entrySet()) {
      String name = header.getKey();
      if (!HeaderRules.forwardUpstream(name, connectionTokens)
          || name.equals("anthropic-beta") && auth.oauth()) {
        continue;
      }
      for (String value : header.getValue()) {
        addHeader(builder, name, value);
      }
    }
    if (inbound.header("anthropic-version") == null) {
      builder.setHeader("anthropic-version", DEFAULT_ANTHROPIC_VERSION);
    }
    if (auth.oauth()) {
      builder.setHeader("anthropic-beta",
          BetaHeader.merge(inbound.headers().get("anthropic-beta"), UpstreamAuth.OAUTH_BETA));
    }
    auth.headers().forEach(builder::setHeader);
    builder.setHeader("accept-encoding", "identity");
    return builder.build();
  }

  private static void addHeader(HttpRequest.Builder builder, String name, String value) {
    try {
      builder.header(name, value);
    } catch (IllegalArgumentException restricted) {
      LOG.fine(() -> "Not forwarding the header " + name + ": " + restricted.getMessage());
    }
  }

  /** Reads a whole body, up to {@link #MAX_ERROR_BODY_BYTES}. */
  static byte[] readFully(UpstreamBody body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      List<ByteBuffer> buffers;
      while ((buffers = body.next(Duration.ofSeconds(60))) != null) {
        for (ByteBuffer buffer : buffers) {
          byte[] bytes = new byte[buffer.remaining()];
          buffer.get(bytes);
          out.write(bytes);
        }
        if (out.size() > MAX_ERROR_BODY_BYTES) {
          body.cancel();
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      body.cancel();
    }
    return out.toByteArray();
  }
}
