package dev.claudenexus.proxy.forwarding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.claudenexus.proxy.TestSettings;
import dev.claudenexus.testsupport.anthropic.ApiErrors;
import dev.claudenexus.testsupport.anthropic.FakeAnthropicApi;
import dev.claudenexus.testsupport.anthropic.FakeReply;
import dev.claudenexus.testsupport.anthropic.ReceivedRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UpstreamClientTest {

  private static final byte[] BODY =
      "{\"model\":\"claude-sonnet-4-5\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"
          .getBytes(StandardCharsets.UTF_8);

  private FakeAnthropicApi fake;
  private final List<UpstreamClient> clients = new java.util.ArrayList<>();

  @BeforeEach
  void startFake() {
    fake = FakeAnthropicApi.start();
  }

  @AfterEach
  void stopFake() {
    clients.forEach(UpstreamClient::close);
    fake.close();
  }

  private UpstreamClient client(Map<String, String> overrides) {
    Map<String, String> values = new HashMap<>(Map.of(
        "CLAUDE_API_BASE_URL", fake.baseUrl(),
        "UPSTREAM_RETRY_BASE_DELAY_MS", "10",
        "CLAUDE_API_TIMEOUT", "2000"));
    values.putAll(overrides);
    UpstreamClient client = new UpstreamClient();
    client.settings = TestSettings.create(values);
    client.init();
    clients.add(client);
    return client;
  }

  private static InboundRequest inbound(Map<String, List<String>> headers) {
    return new InboundRequest(UUID.randomUUID(), OffsetDateTime.now(), System.nanoTime(), "POST",
        "/v1/messages", "beta=true", "127.0.0.1:3000", headers, BODY, null, null);
  }

  private static Map<String, List<String>> headers(String... namesAndValues) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      headers.computeIfAbsent(namesAndValues[i], k -> new java.util.ArrayList<>()).add(namesAndValues[i + 1]);
    }
    return headers;
  }

  @Test
  void unreachableUpstreamFailsWith502() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    UpstreamClient client = client(Map.of("CLAUDE_API_BASE_URL", "http://127.0.0.1:" + closedPort));

    UpstreamFailure failure = assertThrows(UpstreamFailure.class,
        () -> client.send(inbound(headers()), UpstreamAuth.apiKey("sk-ant-x", null)));
    assertEquals(502, failure.status());
    assertEquals(3, failure.attempts());
    assertTrue(failure.getMessage().contains("CLAUDE_API_BASE_URL"));
  }

  @Test
  void missingResponseHeadersFailWith504() {
    fake.enqueue(FakeReply.json(200, "{}").toBuilder().delayHeaders(Duration.ofSeconds(3)).build());
    UpstreamClient client = client(Map.of("CLAUDE_API_TIMEOUT", "300", "UPSTREAM_MAX_ATTEMPTS", "1"));

    UpstreamFailure failure = assertThrows(UpstreamFailure.class,
        () -> client.send(inbound(headers()), UpstreamAuth.apiKey("sk-ant-x", null)));
    assertEquals(504, failure.status());
  }

  @Test
  void upstreamThatStopsReadingTimesOut() throws Exception {
    try (ServerSocket server = new ServerSocket()) {
      // Small buffers, so the body fills them and the proxy's write blocks.
      server.setReceiveBufferSize(4096);
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      List<Socket> accepted = new CopyOnWriteArrayList<>();
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            accepted.add(server.accept());
          }
        } catch (IOException e) {
          // The server socket was closed at the end of the test.
        }
      });
      acceptor.start();
      UpstreamClient client = client(Map.of("CLAUDE_API_BASE_URL",
          "http://127.0.0.1:" + server.getLocalPort(), "CLAUDE_API_TIMEOUT", "500",
          "UPSTREAM_MAX_ATTEMPTS", "1"));
      InboundRequest large = new InboundRequest(UUID.randomUUID(), OffsetDateTime.now(),
          System.nanoTime(), "POST", "/v1/messages", null, "127.0.0.1:3000", headers(),
          new byte[16 * 1024 * 1024], null, null);

      UpstreamFailure failure = assertTimeoutPreemptively(Duration.ofSeconds(20),
          () -> assertThrows(UpstreamFailure.class,
              () -> client.send(large, UpstreamAuth.apiKey("k", null))));

      assertEquals(504, failure.status());
      assertTrue(failure.getMessage().contains("CLAUDE_API_TIMEOUT"), failure.getMessage());
      assertEquals(1, accepted.size());
      server.close();
      acceptor.join(5_000);
      for (Socket socket : accepted) {
        socket.close();
      }
    }
  }

  @Test
  void overloadedThenOkIsRetried() throws Exception {
    fake.enqueue(ApiErrors.overloaded());
    UpstreamExchange exchange = client(Map.of()).send(inbound(headers()), UpstreamAuth.apiKey("k", null));

    assertEquals(200, exchange.status());
    assertEquals(2, exchange.attempts());
    assertNull(exchange.bufferedBody());
  }

  @Test
  void lastOverloadedReplyIsReturned() throws Exception {
    for (int i = 0; i < 3; i++) {
      fake.enqueue(ApiErrors.overloaded());
    }
    UpstreamExchange exchange = client(Map.of()).send(inbound(headers()), UpstreamAuth.apiKey("k", null));

    assertEquals(529, exchange.status());
    assertEquals(3, exchange.attempts());
    assertArrayEquals(ApiErrors.body("overloaded_error", "Overloaded"),
        UpstreamClient.readFully(exchange.body()));
  }

  @Test
  void retryAfterBeyondBudgetIsNotAwaited() throws Exception {
    fake.enqueue(ApiErrors.rateLimited(Duration.ofSeconds(30)));
    UpstreamExchange exchange = client(Map.of("UPSTREAM_RETRY_BUDGET_MS", "1000"))
        .send(inbound(headers()), UpstreamAuth.apiKey("k", null));

    assertEquals(429, exchange.status());
    assertEquals(1, exchange.attempts());
    assertTrue(new String(exchange.bufferedBody(), StandardCharsets.UTF_8).contains("rate_limit_error"));
  }

  @Test
  void oauthBetaMergedIntoClientFlags() throws Exception {
    client(Map.of()).send(
        inbound(headers("anthropic-beta", "context-management-2025-06-27,interleaved-thinking-2025-05-14",
            "anthropic-beta", "oauth-2025-04-20", "authorization", "Bearer client-token")),
        UpstreamAuth.oauthToken("access-token", "acc"));
    ReceivedRequest upstream = fake.takeRequest(Duration.ofSeconds(5));

    assertEquals(List.of("context-management-2025-06-27,interleaved-thinking-2025-05-14,oauth-2025-04-20"),
        upstream.headers().all("anthropic-beta"));
    assertEquals("Bearer access-token", upstream.header("authorization"));
  }

  @Test
  void apiKeyCredentialKeepsClientBetas() throws Exception {
    client(Map.of()).send(inbound(headers("anthropic-beta", "a-1,b-2", "x-api-key", "cnp_live_client")),
        UpstreamAuth.apiKey("sk-ant-upstream", null));
    ReceivedRequest upstream = fake.takeRequest(Duration.ofSeconds(5));

    assertEquals("a-1,b-2", upstream.header("anthropic-beta"));
    assertEquals(List.of("sk-ant-upstream"), upstream.headers().all("x-api-key"));
  }

  @Test
  void hopByHopHeadersStayBehind() throws Exception {
    client(Map.of()).send(inbound(headers("connection", "keep-alive, x-hop", "x-hop", "1",
        "keep-alive", "timeout=5", "te", "trailers", "x-end-to-end", "kept")),
        UpstreamAuth.apiKey("k", null));
    ReceivedRequest upstream = fake.takeRequest(Duration.ofSeconds(5));

    assertNull(upstream.header("x-hop"));
    assertNull(upstream.header("keep-alive"));
    assertNull(upstream.header("te"));
    assertEquals("kept", upstream.header("x-end-to-end"));
  }

  @Test
  void anthropicVersionSetOnce() throws Exception {
    UpstreamClient client = client(Map.of());
    client.send(inbound(headers("anthropic-version", "2026-10-21")), UpstreamAuth.apiKey("k", null));
    client.send(inbound(headers()), UpstreamAuth.apiKey("k", null));

    assertEquals(List.of("2026-10-21"), fake.takeRequest(Duration.ofSeconds(5)).headers().all("anthropic-version"));
    assertEquals(List.of("2023-06-01"), fake.takeRequest(Duration.ofSeconds(5)).headers().all("anthropic-version"));
  }

  @Test
  void queryStringAndBodyForwardedExactly() throws Exception {
    client(Map.of()).send(inbound(headers()), UpstreamAuth.apiKey("k", null));
    ReceivedRequest upstream = fake.takeRequest(Duration.ofSeconds(5));

    assertEquals("/v1/messages?beta=true", upstream.target());
    assertArrayEquals(BODY, upstream.body());
    assertEquals("identity", upstream.header("accept-encoding"));
  }

  /** Queues a stream of a ping, then a pause of {@code gap}, then message_stop. */
  private void enqueuePausedStream(Duration gap) {
    fake.enqueue(FakeReply.status(200).header("content-type", "text/event-stream")
        .write("event: ping\n\n".getBytes(StandardCharsets.UTF_8), Duration.ZERO)
        .write("event: message_stop\n\n".getBytes(StandardCharsets.UTF_8), gap)
        .build());
  }

  @Test
  void bodySilenceOutlastsResponseTimeout() throws Exception {
    enqueuePausedStream(Duration.ofMillis(800));
    UpstreamExchange exchange = client(Map.of("CLAUDE_API_TIMEOUT", "300", "UPSTREAM_MAX_ATTEMPTS", "1"))
        .send(inbound(headers()), UpstreamAuth.apiKey("k", null));

    assertEquals("event: ping\n\nevent: message_stop\n\n",
        new String(UpstreamClient.readFully(exchange.body()), StandardCharsets.UTF_8));
  }

  @Test
  void silenceBeyondIdleTimeoutFailsTheRead() throws Exception {
    enqueuePausedStream(Duration.ofSeconds(3));
    UpstreamExchange exchange = client(Map.of("STREAM_IDLE_TIMEOUT_MS", "200"))
        .send(inbound(headers()), UpstreamAuth.apiKey("k", null));

    try (UpstreamBody body = exchange.body()) {
      byte[] buffer = new byte[1024];
      assertEquals("event: ping\n\n".length(), body.read(buffer));
      assertThrows(UpstreamBody.IdleTimeoutException.class, () -> body.read(buffer));
    }
  }

  @Test
  void responseHeadersAreKeptByLowerCaseName() throws Exception {
    fake.enqueue(FakeReply.json(200, "{}").toBuilder().header("Request-Id", "req_1")
        .header("X-Multi", "a").header("x-multi", "b").build());
    UpstreamExchange exchange = client(Map.of()).send(inbound(headers()), UpstreamAuth.apiKey("k", null));
    UpstreamClient.readFully(exchange.body());

    assertEquals("req_1", exchange.header("request-id"));
    assertEquals(List.of("a", "b"), exchange.headers().get("x-multi"));
    assertTrue(exchange.headers().containsKey("request-id"));
  }

  @Test
  void postWithoutBodySendsZeroLength() throws Exception {
    InboundRequest empty = new InboundRequest(UUID.randomUUID(), OffsetDateTime.now(), System.nanoTime(),
        "POST", "/v1/messages/batches/b1/cancel", null, "127.0.0.1:3000", headers(), new byte[0], null, null);
    UpstreamClient.readFully(client(Map.of()).send(empty, UpstreamAuth.apiKey("k", null)).body());
    ReceivedRequest upstream = fake.takeRequest(Duration.ofSeconds(5));

    assertEquals("0", upstream.header("content-length"));
    assertEquals(0, upstream.body().length);
  }

  @Test
  void stalledErrorBodyIsRetried() throws Exception {
    fake.enqueue(FakeReply.status(529).header("content-type", "application/json")
        .write("{\"type\":\"error\",".getBytes(StandardCharsets.UTF_8), Duration.ZERO)
        .write("\"error\":{}}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(30))
        .build());
    UpstreamClient client = client(Map.of("CLAUDE_API_TIMEOUT", "500", "UPSTREAM_MAX_ATTEMPTS", "2"));

    UpstreamExchange exchange = assertTimeoutPreemptively(Duration.ofSeconds(15),
        () -> client.send(inbound(headers()), UpstreamAuth.apiKey("k", null)));

    assertEquals(200, exchange.status());
    assertEquals(2, exchange.attempts());
  }

  @Test
  void bodyTimeoutDependsOnStatus() {
    Duration idle = Duration.ZERO;
    Duration response = Duration.ofSeconds(600);

    assertEquals(idle, UpstreamClient.bodyTimeout(200, idle, response));
    assertEquals(idle, UpstreamClient.bodyTimeout(400, idle, response));
    assertEquals(response, UpstreamClient.bodyTimeout(529, idle, response));
    assertEquals(response, UpstreamClient.bodyTimeout(429, idle, response));
  }
}
