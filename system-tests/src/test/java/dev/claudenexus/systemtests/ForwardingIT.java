package dev.claudenexus.systemtests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.claudenexus.testsupport.anthropic.FakeReply;
import dev.claudenexus.testsupport.anthropic.ReceivedRequest;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NexusServerExtension.class)
class ForwardingIT {

  private final NexusServer server;
  private final ProxyCalls calls;
  private final StoredRequests stored;

  ForwardingIT(NexusServer server) {
    this.server = server;
    this.calls = new ProxyCalls(server);
    this.stored = new StoredRequests(server);
  }

  @Test
  void jsonReplyForwardedAndRecorded() throws Exception {
    String body = ProxyCalls.messagesBody(false, "hello");
    HttpResponse<String> response = calls.post("/v1/messages", body);
    ReceivedRequest upstream = server.fake.takeRequest(Duration.ofSeconds(10));

    assertEquals(200, response.statusCode());
    assertTrue(response.body().contains("\"text\":\"Hello\""));
    assertArrayEquals(body.getBytes(StandardCharsets.UTF_8), upstream.body());
    Map<String, Object> row = stored.await(ProxyCalls.requestId(response));
    assertEquals(10, ((Number) row.get("input_tokens")).intValue());
    assertEquals(5, ((Number) row.get("output_tokens")).intValue());
    assertEquals("query_evaluation", row.get("request_type"));
    assertEquals("acc_system_tests", row.get("account_id"));
    assertEquals("127.0.0.1:" + server.port, row.get("domain"));
    assertEquals("complete", row.get("outcome"));
    assertEquals(0, new BigDecimal("0.000105").compareTo((BigDecimal) row.get("cost_usd")));
    assertEquals(64, ((String) row.get("api_key_hash")).length());
  }

  @Test
  void credentialsSwappedAndHeadersForwarded() throws Exception {
    HttpRequest request = calls.request("/v1/messages?beta=true")
        .header("anthropic-beta", "context-management-2025-06-27,interleaved-thinking-2025-05-14")
        .header("x-stainless-lang", "java")
        .header("user-agent", "claude-cli/2.1.332 (external, cli)")
        .header("accept-encoding", "gzip, br")
        .header("x-claude-code-session-id", "session-1")
        .POST(HttpRequest.BodyPublishers.ofString(ProxyCalls.messagesBody(false, "hi")))
        .build();
    HttpResponse<String> response = calls.send(request, HttpResponse.BodyHandlers.ofString());
    ReceivedRequest upstream = server.fake.takeRequest(Duration.ofSeconds(10));

    assertEquals(200, response.statusCode());
    assertEquals("/v1/messages?beta=true", upstream.target());
    assertEquals(NexusServer.UPSTREAM_API_KEY, upstream.header("x-api-key"));
    assertNull(upstream.header("authorization"));
    assertEquals("2023-06-01", upstream.header("anthropic-version"));
    assertEquals(1, upstream.headers().all("anthropic-version").size());
    assertEquals("context-management-2025-06-27,interleaved-thinking-2025-05-14",
        upstream.header("anthropic-beta"));
    assertEquals("java", upstream.header("x-stainless-lang"));
    assertEquals("claude-cli/2.1.332 (external, cli)", upstream.header("user-agent"));
    assertEquals("session-1", upstream.header("x-claude-code-session-id"));
    assertEquals("identity", upstream.header("accept-encoding"));
    assertTrue(response.headers().firstValue("request-id").isPresent());
    assertFalse(response.headers().firstValue("content-encoding").isPresent());
  }

  @Test
  void storedHeadersHoldNoSecrets() throws Exception {
    HttpResponse<String> response = calls.post("/v1/messages", ProxyCalls.messagesBody(false, "hi"));
    server.fake.takeRequest(Duration.ofSeconds(10));
    Map<String, Object> row = stored.await(ProxyCalls.requestId(response));

    String headers = String.valueOf(row.get("headers"));
    assertFalse(headers.contains(server.clientKey));
    assertFalse(headers.contains("x-api-key"));
    assertFalse(String.valueOf(row.get("response_headers")).contains(NexusServer.UPSTREAM_API_KEY));
  }

  @Test
  void countTokensForwardedWithOwnType() throws Exception {
    server.fake.enqueue(FakeReply.json(200, "{\"input_tokens\":12}"));
    HttpResponse<String> response = calls.post("/v1/messages/count_tokens?beta=true",
        "{\"model\":\"claude-sonnet-4-5\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    ReceivedRequest upstream = server.fake.takeRequest(Duration.ofSeconds(10));

    assertEquals(200, response.statusCode());
    assertEquals("{\"input_tokens\":12}", response.body());
    assertEquals("/v1/messages/count_tokens?beta=true", upstream.target());
    assertEquals("count_tokens", stored.await(ProxyCalls.requestId(response)).get("request_type"));
  }

  @Test
  void modelsListForwardedAsOther() throws Exception {
    server.fake.enqueue(FakeReply.json(200, "{\"data\":[{\"id\":\"claude-sonnet-4-5\"}]}"));
    HttpResponse<String> response =
        calls.send(calls.request("/v1/models?limit=5").GET().build(), HttpResponse.BodyHandlers.ofString());
    ReceivedRequest upstream = server.fake.takeRequest(Duration.ofSeconds(10));

    assertEquals(200, response.statusCode());
    assertEquals("GET", upstream.method());
    assertEquals("/v1/models?limit=5", upstream.target());
    Map<String, Object> row = stored.await(ProxyCalls.requestId(response));
    assertEquals("other", row.get("request_type"));
    assertNotNull(row.get("duration_ms"));
  }

  @Test
  void twentyMegabyteBodyForwardedExactly() throws Exception {
    String padding = "x".repeat(20 * 1024 * 1024);
    String body = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":1,\"messages\":[{\"role\":\"user\","
        + "\"content\":\"" + padding + "\"}]}";
    HttpResponse<String> response = calls.post("/v1/messages", body);
    ReceivedRequest upstream = server.fake.takeRequest(Duration.ofSeconds(30));

    assertEquals(200, response.statusCode());
    assertEquals(body.length(), upstream.bodyLength());
    assertArrayEquals(body.getBytes(StandardCharsets.UTF_8), upstream.body());
  }

  @Test
  void hopByHopResponseHeadersDropped() throws Exception {
    server.fake.enqueue(FakeReply.status(200)
        .header("content-type", "application/json")
        .header("connection", "keep-alive, x-upstream-hop")
        .header("keep-alive", "timeout=5")
        .header("x-upstream-hop", "secret-route")
        .header("anthropic-ratelimit-requests-remaining", "99")
        .body("{\"id\":\"msg_1\",\"type\":\"message\",\"content\":[],\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}")
        .build());
    HttpResponse<String> response = calls.post("/v1/messages", ProxyCalls.messagesBody(false, "hop"));
    server.fake.takeRequest(Duration.ofSeconds(10));

    assertEquals(200, response.statusCode());
    assertFalse(response.headers().firstValue("x-upstream-hop").isPresent());
    assertFalse(response.headers().firstValue("keep-alive").isPresent());
    assertEquals("99", response.headers().firstValue("anthropic-ratelimit-requests-remaining").orElse(""));
    assertEquals(Integer.toString(response.body().getBytes(StandardCharsets.UTF_8).length),
        response.headers().firstValue("content-length").orElse(""));
  }

  @Test
  void preflightAnsweredWithoutKey() throws Exception {
    HttpRequest request = java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(server.baseUrl() + "/v1/messages"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", "https://app.example.com")
        .header("Access-Control-Request-Method", "POST")
        .build();
    HttpResponse<String> response = calls.send(request, HttpResponse.BodyHandlers.ofString());

    assertEquals(204, response.statusCode());
    assertEquals("*", response.headers().firstValue("access-control-allow-origin").orElse(""));
    assertTrue(response.headers().firstValue("access-control-allow-methods").orElse("").contains("POST"));
  }

  @Test
  void cacheUsageStoredWithLifetimes() throws Exception {
    server.fake.enqueue(FakeReply.eventStream(
        dev.claudenexus.testsupport.anthropic.SseScripts.cacheUsage(ProxyCalls.MODEL)));
    HttpResponse<String> response = calls.post("/v1/messages", ProxyCalls.messagesBody(true, "cached"));
    server.fake.takeRequest(Duration.ofSeconds(10));
    Map<String, Object> row = stored.await(ProxyCalls.requestId(response));

    assertEquals(50, ((Number) row.get("input_tokens")).intValue());
    assertEquals(87, ((Number) row.get("output_tokens")).intValue());
    assertEquals(120, ((Number) row.get("cache_creation_input_tokens")).intValue());
    assertEquals(2400, ((Number) row.get("cache_read_input_tokens")).intValue());
    assertEquals(100, ((Number) row.get("cache_creation_5m_input_tokens")).intValue());
    assertEquals(20, ((Number) row.get("cache_creation_1h_input_tokens")).intValue());
  }
}
