package dev.claudenexus.proxy.forwarding;

import dev.claudenexus.proxy.ProxySettings;
import dev.claudenexus.proxy.outbound.ManagedThreads;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.HttpClientConnection;
import org.apache.hc.core5.http.io.HttpResponseInformationCallback;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.impl.io.HttpRequestExecutor;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends requests to the Anthropic API and retries failed attempts before any byte reaches the client,
 * within the configured number of attempts and total time budget.
 *
 * <p>It uses the blocking Apache HTTP client: the request thread writes the request and reads the
 * response from the pooled connection itself. The JDK client handed every response to its selector
 * thread first, which cost about a quarter of the proxy's CPU per request in the benchmark.
 */
@ApplicationScoped
public class UpstreamClient {

  static final String DEFAULT_ANTHROPIC_VERSION = "2023-06-01";
  private static final int MAX_ERROR_BODY_BYTES = 4 * 1024 * 1024;
  /** Each open stream uses one connection, so this limit only stops runaway growth. */
  private static final int MAX_CONNECTIONS = 10_000;
  private static final Set<String> BODILESS_METHODS = Set.of("GET", "HEAD", "OPTIONS", "DELETE", "TRACE");
  private static final Logger LOG = Logger.getLogger(UpstreamClient.class.getName());

  @Inject ProxySettings settings;

  private CloseableHttpClient http;
  private HttpHost target;
  private String basePath;
  private RetryPolicy retryPolicy;
  private ResponseDeadlines deadlines;

  /**
   * Creates the HTTP/1.1 client: Nagle off, no redirects, cookies, authentication, compression or
   * retries of its own, and no user agent of its own.
   */
  @PostConstruct
  void init() {
    // Parsed first: an invalid base URL then fails here, before any thread is started.
    URI base = settings.upstreamBaseUrl();
    target = HttpHost.create(base);
    basePath = base.getRawPath() == null ? "" : base.getRawPath();
    deadlines = new ResponseDeadlines(settings.upstreamTimeout(), ManagedThreads.factory());
    Duration connectTimeout = settings.upstreamTimeout().compareTo(Duration.ofSeconds(10)) < 0
        ? settings.upstreamTimeout()
        : Duration.ofSeconds(10);
    RequestConfig requestConfig = RequestConfig.custom()
        .setResponseTimeout(Timeout.of(settings.upstreamTimeout()))
        .setConnectionRequestTimeout(Timeout.of(connectTimeout))
        .setRedirectsEnabled(false)
        .setAuthenticationEnabled(false)
        .setExpectContinueEnabled(false)
        .setProtocolUpgradeEnabled(false)
        .setContentCompressionEnabled(false)
        .build();
    http = HttpClients.custom()
        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
            .setConnectionFactory(new UpstreamConnectionFactory())
            .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
            .setMaxConnTotal(MAX_CONNECTIONS)
            .setMaxConnPerRoute(MAX_CONNECTIONS)
            .setDefaultSocketConfig(SocketConfig.custom()
                .setTcpNoDelay(true)
                .setSoTimeout(Timeout.of(settings.upstreamTimeout()))
                .build())
            .setDefaultTlsConfig(TlsConfig.custom().setHandshakeTimeout(Timeout.of(connectTimeout)).build())
            .setDefaultConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(connectTimeout))
                .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                .build())
            .build())
        .setRequestExecutor(new BodyTimeoutExecutor(settings.streamIdleTimeout(), settings.upstreamTimeout(),
            deadlines))
        .setDefaultRequestConfig(requestConfig)
        .evictIdleConnections(TimeValue.ofSeconds(60))
        .disableAutomaticRetries()
        .disableRedirectHandling()
        .disableCookieManagement()
        .disableAuthCaching()
        .disableContentCompression()
        .disableConnectionState()
        .disableDefaultUserAgent()
        .build();
    retryPolicy = new RetryPolicy(settings.retryBaseDelay());
  }

  @PreDestroy
  void close() {
    if (http != null) {
      http.close(CloseMode.IMMEDIATE);
    }
    if (deadlines != null) {
      deadlines.close();
    }
  }

  /**
   * Sends the request, retrying as {@link RetryPolicy} allows.
   *
   * @throws UpstreamFailure when no attempt produced response headers
   */
  UpstreamExchange send(InboundRequest inbound, UpstreamAuth auth)
      throws UpstreamFailure, InterruptedException {
    long deadline = System.nanoTime() + settings.retryBudget().toNanos();
    IOException lastFailure = null;
    int attempt = 0;
    while (attempt < settings.maxAttempts()) {
      attempt++;
      Duration delay;
      try {
        ClassicHttpResponse response = execute(inbound, auth);
        UpstreamExchange exchange = new UpstreamExchange(response.getCode(), headers(response),
            new UpstreamBody(response, bodyTimeout(response.getCode(), settings.streamIdleTimeout(),
                settings.upstreamTimeout())), attempt, null);
        if (!RetryPolicy.retryableStatus(exchange.status()) || attempt >= settings.maxAttempts()) {
          return exchange;
        }
        byte[] errorBody = readFully(exchange.body());
        delay = retryPolicy.delayAfter(attempt, Optional.ofNullable(exchange.header("retry-after")));
        if (!fitsBudget(delay, deadline)) {
          return new UpstreamExchange(exchange.status(), exchange.headers(), exchange.body(),
              attempt, errorBody);
        }
        logRetry(inbound, attempt, "status " + exchange.status(), delay);
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

  /**
   * Sends one attempt. A runtime failure of the client (a pool closed at shutdown, a request it
   * cannot send) becomes an {@link IOException}, so it ends as a 502 and not as a servlet error.
   */
  private ClassicHttpResponse execute(InboundRequest inbound, UpstreamAuth auth) throws IOException {
    try {
      return http.executeOpen(target, build(inbound, auth), null);
    } catch (RuntimeException e) {
      throw new IOException("the HTTP client could not send the request: " + e, e);
    }
  }

  /**
   * Returns the read timeout of a response body. An error reply that may be retried is read within
   * the response timeout, so a stalled error body cannot hold the request thread forever.
   */
  static Duration bodyTimeout(int status, Duration idleTimeout, Duration responseTimeout) {
    return RetryPolicy.retryableStatus(status) ? responseTimeout : idleTimeout;
  }

  private UpstreamFailure failure(IOException cause, int attempts) {
    String base = settings.upstreamBaseUrl().toString();
    // Connect and response timeouts are InterruptedIOException subtypes. A stalled error body,
    // read to decide on a retry, raises IdleTimeoutException.
    if (cause instanceof InterruptedIOException || cause instanceof UpstreamBody.IdleTimeoutException) {
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

  private ClassicHttpRequest build(InboundRequest inbound, UpstreamAuth auth) {
    // The path is sent as received (CanonicalPath has checked it), never re-encoded.
    ClassicHttpRequest request =
        new BasicClassicHttpRequest(inbound.method(), target, basePath + inbound.target());
    if (inbound.body().length > 0 || !BODILESS_METHODS.contains(inbound.method())) {
      request.setEntity(new ByteArrayEntity(inbound.body(), null));
    }
    Set<String> connectionTokens =
        HeaderRules.connectionTokens(inbound.headers().getOrDefault("connection", List.of()));
    for (Map.Entry<String, List<String>> header : inbound.headers().entrySet()) {
      String name = header.getKey();
      if (!HeaderRules.forwardUpstream(name, connectionTokens)
          || name.equals("anthropic-beta") && auth.oauth()) {
        continue;
      }
      for (String value : header.getValue()) {
        request.addHeader(name, value);
      }
    }
    if (inbound.header("anthropic-version") == null) {
      request.setHeader("anthropic-version", DEFAULT_ANTHROPIC_VERSION);
    }
    if (auth.oauth()) {
      request.setHeader("anthropic-beta",
          BetaHeader.merge(inbound.headers().get("anthropic-beta"), UpstreamAuth.OAUTH_BETA));
    }
    auth.headers().forEach(request::setHeader);
    request.setHeader("accept-encoding", "identity");
    return request;
  }

  /** Returns the response headers by lower-case name, in the order received. */
  private static Map<String, List<String>> headers(ClassicHttpResponse response) {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Header header : response.getHeaders()) {
      headers.computeIfAbsent(header.getName().toLowerCase(Locale.ROOT), name -> new ArrayList<>(1))
          .add(header.getValue());
    }
    return headers;
  }

  /** Reads a whole body, up to {@link #MAX_ERROR_BODY_BYTES}, and ends the exchange. */
  static byte[] readFully(UpstreamBody body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try (body) {
      int count;
      while ((count = body.read(buffer)) >= 0) {
        out.write(buffer, 0, count);
        if (out.size() > MAX_ERROR_BODY_BYTES) {
          break;
        }
      }
    }
    return out.toByteArray();
  }

  /**
   * Bounds the wait for the response headers, writing the request included, by the response timeout
   * ({@code CLAUDE_API_TIMEOUT}), and then sets the read timeout of the body: a stream may stay
   * silent up to {@code STREAM_IDLE_TIMEOUT_MS}, or forever when that is zero. Error replies that
   * may be retried keep the response timeout, see {@link #bodyTimeout}.
   */
  private static final class BodyTimeoutExecutor extends HttpRequestExecutor {
    private final Duration idleTimeout;
    private final Duration responseTimeout;
    private final ResponseDeadlines deadlines;

    BodyTimeoutExecutor(Duration idleTimeout, Duration responseTimeout, ResponseDeadlines deadlines) {
      this.idleTimeout = idleTimeout;
      this.responseTimeout = responseTimeout;
      this.deadlines = deadlines;
    }

    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, HttpClientConnection connection,
        HttpResponseInformationCallback informationCallback, HttpContext context)
        throws IOException, HttpException {
      ResponseDeadlines.Attempt attempt = deadlines.start(connection);
      ClassicHttpResponse response;
      try {
        response = super.execute(request, connection, informationCallback, context);
      } catch (IOException | HttpException | RuntimeException e) {
        if (!attempt.finish()) {
          throw timedOut(e);
        }
        throw e;
      }
      if (!attempt.finish()) {
        // Closing the response would read the rest of its body first; the deadline closed the
        // connection, or is about to.
        connection.close(CloseMode.IMMEDIATE);
        throw timedOut(null);
      }
      Duration timeout = bodyTimeout(response.getCode(), idleTimeout, responseTimeout);
      connection.setSocketTimeout(timeout.isZero() ? Timeout.DISABLED : Timeout.of(timeout));
      return response;
    }

    private SocketTimeoutException timedOut(Exception cause) {
      SocketTimeoutException timeout = new SocketTimeoutException("no response headers within "
          + responseTimeout.toMillis() + " ms, sending the request included");
      if (cause != null) {
        timeout.initCause(cause);
      }
      return timeout;
    }
  }
}
