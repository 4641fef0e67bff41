package dev.claudenexus.proxy.forwarding;

import dev.claudenexus.pricing.CostCalculator;
import dev.claudenexus.proxy.AnthropicError;
import dev.claudenexus.proxy.ProxySettings;
import dev.claudenexus.proxy.auth.ClientKeyCheck;
import dev.claudenexus.proxy.credentials.DomainName;
import dev.claudenexus.proxy.stats.TokenStats;
import dev.claudenexus.storage.RequestRecord;
import dev.claudenexus.storage.StorageWriter;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Forwards every {@code /v1/*} call to the Anthropic API and records it. The request thread reads
 * the body, sends it upstream, relays the response, hands one record to the storage writer and
 * fires {@link RequestCompleted} for notifications and diagnostics. It never waits for the database
 * or for those outputs.
 */
@WebServlet(urlPatterns = "/v1/*", name = "ProxyServlet")
public class ProxyServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(ProxyServlet.class.getName());

  @Inject transient ProxySettings settings;
  @Inject transient UpstreamClient upstream;
  @Inject transient UpstreamAuthResolver authResolver;
  @Inject transient StorageWriter storage;
  @Inject transient TokenStats tokenStats;
  @Inject transient CostCalculator costs;
  @Inject transient Event<RequestCompleted> completed;

  @Override
  public void init() {
    if (settings.debug()) {
      DebugLog.enableEventLevel();
    }
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Access-Control-Allow-Origin", "*");
    if ("OPTIONS".equals(request.getMethod())) {
      CorsPreflight.answer(request, response);
      return;
    }
    long startNanos = System.nanoTime();
    OffsetDateTime timestamp = OffsetDateTime.now(ZoneOffset.UTC);
    Map<String, List<String>> headers = InboundRequestReader.headers(request);
    String domain = DomainName.fromHost(request.getHeader("Host")).orElse(null);
    if (domain == null) {
      AnthropicError.send(response, 400, "invalid_request_error",
          "The Host header is missing or invalid");
      return;
    }
    InboundRequest inbound = new InboundRequest(UUID.randomUUID(), timestamp, startNanos,
        request.getMethod(), request.getRequestURI(), request.getQueryString(), domain, headers,
        new byte[0], null, (String) request.getAttribute(ClientKeyCheck.KEY_HASH_ATTRIBUTE));
    response.setHeader("X-Nexus-Request-Id", inbound.requestId().toString());
    UpstreamAuth auth = null;
    try {
      inbound = withBody(inbound, request);
      if (settings.debug()) {
        DebugLog.logRequest(inbound);
      }
      auth = authResolver.resolve(inbound);
      forward(inbound, auth, response);
    } catch (RejectedRequestException e) {
      AnthropicError.send(response, e.status(), e.type(), e.getMessage());
      record(inbound, factory().failed(inbound, auth, e.status(), e.type(), e.getMessage(), 0));
    } catch (UpstreamFailure e) {
      LOG.log(Level.WARNING, "Request {0}: {1}", new Object[] {inbound.requestId(), e.getMessage()});
      String type = e.timedOut() ? "timeout_error" : "api_error";
      AnthropicError.send(response, e.status(), type, e.getMessage());
      record(inbound, factory().failed(inbound, auth, e.status(), type, e.getMessage(), e.attempts()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      AnthropicError.send(response, 503, "api_error", "The proxy is shutting down; retry the request");
    }
  }

  private InboundRequest withBody(InboundRequest inbound, HttpServletRequest request)
      throws IOException, RejectedRequestException {
    byte[] body = InboundRequestReader.body(request, settings.maxRequestBytes());
    boolean messagesCall = "POST".equals(inbound.method())
        && (inbound.path().equals("/v1/messages") || inbound.path().equals("/v1/messages/count_tokens"));
    JsonBodySummary summary = messagesCall
        ? InboundRequestReader.messagesBody(body)
        : InboundRequestReader.optionalObject(body);
    return copy(inbound, body, summary);
  }

  private static InboundRequest copy(InboundRequest in, byte[] body, JsonBodySummary summary) {
    return new InboundRequest(in.requestId(), in.timestamp(), in.startNanos(), in.method(),
        in.path(), in.query(), in.domain(), in.headers(), body, summary, in.clientKeyHash());
  }

  private void forward(InboundRequest inbound, UpstreamAuth auth, HttpServletResponse response)
      throws UpstreamFailure, InterruptedException {
    // NOTE: a client that disconnects while the upstream has not yet sent response headers is
    // noticed only at the first write, so a non-streaming call is cancelled when its reply arrives.
    UpstreamExchange exchange = upstream.send(inbound, auth);
    RelayResult relay;
    try {
      relay = new ResponseRelay(inbound, exchange, response, settings.storeStreamingChunks(),
          settings.debug() ? DebugLog.eventObserver(inbound) : null).relay();
    } finally {
      // The relay closes the body itself; this covers a failure before it starts reading.
      exchange.body().close();
    }
    record(inbound, factory().relayed(inbound, auth, exchange.attempts(), relay));
  }

  private void record(InboundRequest inbound, RequestRecord record) {
    tokenStats.add(record.domain(), record.requestType(), record.usage().inputTokens(),
        record.usage().outputTokens(), record.toolCallCount());
    storage.submit(record);
    if (settings.debug()) {
      DebugLog.logResponse(record);
    }
    publish(inbound, record);
  }

  /**
   * Fires {@link RequestCompleted}. Its observers only queue work, and an observer that throws is
   * logged without failing the request.
   */
  private void publish(InboundRequest inbound, RequestRecord record) {
    try {
      String presented = inbound.header("x-api-key");
      if (presented == null || presented.isBlank()) {
        presented = inbound.header("authorization");
      }
      completed.fire(RequestCompleted.masking(record, inbound.headers(), presented));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Request " + record.requestId() + ": a completion observer failed", e);
    }
  }

  private RecordFactory factory() {
    return new RecordFactory(costs);
  }
}
