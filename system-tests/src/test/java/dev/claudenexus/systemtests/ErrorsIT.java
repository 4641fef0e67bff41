package dev.claudenexus.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.claudenexus.testsupport.anthropic.ApiErrors;
import dev.claudenexus.testsupport.anthropic.FakeReply;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NexusServerExtension.class)
class ErrorsIT {

  private final NexusServer server;
  private final ProxyCalls calls;
  private final StoredRequests stored;

  ErrorsIT(NexusServer server) {
    this.server = server;
    this.calls = new ProxyCalls(server);
    this.stored = new StoredRequests(server);
  }

  @Test
  void overloadedThenSuccessIsRetried() throws Exception {
    server.fake.enqueue(ApiErrors.overloaded());
    HttpResponse<String> response = calls.post("/v1/messages", ProxyCalls.messagesBody(true, "retry me"));
    server.fake.takeRequest(Duration.ofSeconds(10));
    server.fake.takeRequest(Duration.ofSeconds(10));

    assertEquals(200, response.statusCode());
    assertTrue(response.body().contains("message_stop"));
    Map<String, Object> row = stored.await(ProxyCalls.requestId(response));
    assertEquals(2, ((Number) row.get("upstream_attempts")).intValue());
    assertEquals("complete", row.get("outcome"));
  }

  @Test
  void persistentOverloadRelayedVerbatim() throws Exception {
    for (int i = 0; i < 3; i++) {
      server.fake.enqueue(ApiErrors.overloaded());
    }
    HttpResponse<String> response = calls.post("/v1/messages", ProxyCalls.messagesBody(true, "busy"));
    for (int i = 0; i < 3; i++) {
      server.fake.takeRequest(Duration.ofSeconds(10));
    }

    assertEquals(529, response.statusCode());
    assertEquals(new String(ApiErrors.body("overloaded_error", "Overloaded"), StandardCharsets.UTF_8),
        response.body());
    assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/json"));
    Map<String, Object> row = stored.await(ProxyCalls.requestId(response));
    assertEquals(529, ((Number) row.get("response_status")).intValue());
    assertEquals("overloaded_error", row.get("error_type"));
    assertEquals(3, ((Number) row.get("upstream_attempts")).intValue());
  }

  @Test
  void clientErrorOnStreamNotRetried() throws Exception {
    server.fake.enqueue(ApiErrors.reply(400, "invalid_request_error", "max_tokens: required"));
    HttpResponse<String> response = calls.post("/v1/messages", ProxyCalls.messagesBody(true, "bad"));
    server.fake.takeRequest(Duration.ofSeconds(10));

    assertEquals(400, response.statusCode());
    assertTrue(response.body().contains("max_tokens: required"));
    Map<String, Object> row = stored.await(ProxyCalls.requestId(response));
    assertEquals(1, ((Number) row.get("upstream_attempts")).intValue());
    assertEquals("invalid_request_error", row.get("error_type"));
  }

  @Test
  void rateLimitHonoursRetryAfter() throws Exception {
    server.fake.enqueue(ApiErrors.rateLimited(Duration.ofSeconds(1)));
    long start = System.nanoTime();
    HttpResponse<String> response = calls.post("/v1/messages", ProxyCalls.messagesBody(false, "wait"));
    long elapsedMs = (System.nanoTime() - start) / 1_000_000;
    server.fake.takeRequest(Duration.ofSeconds(10));
    server.fake.takeRequest(Duration.ofSeconds(10));

    assertEquals(200, response.statusCode());
    assertTrue(elapsedMs >= 1000, "the retry came after " + elapsedMs + " ms, before Retry-After");
  }

  @Test
  void missingHeadersTimeOutWith504() throws Exception {
    for (int i = 0; i < 3; i++) {
      server.fake.enqueue(FakeReply.json(200, "{}").toBuilder().delayHeaders(Duration.ofSeconds(6)).build());
    }
    HttpResponse<String> response = calls.post("/v1/messages", ProxyCalls.messagesBody(false, "slow"));

    assertEquals(504, response.statusCode());
    assertTrue(response.body().contains("\"type\":\"timeout_error\""));
    assertEquals("timeout", stored.await(ProxyCalls.requestId(response)).get("outcome"));
  }

  @Test
  void malformedJsonRejectedWith400() throws Exception {
    HttpResponse<String> response = calls.post("/v1/messages", "{\"model\": \"x\", messages: [}");

    assertEquals(400, response.statusCode());
    assertTrue(response.body().startsWith("{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\""));
    assertEquals(400, ((Number) stored.await(ProxyCalls.requestId(response)).get("response_status")).intValue());
  }

  @Test
  void missingModelRejectedWith400() throws Exception {
    HttpResponse<String> response = calls.post("/v1/messages", "{\"messages\":[]}");

    assertEquals(400, response.statusCode());
    assertTrue(response.body().contains("model"));
  }

  @Test
  void oversizedBodyRejectedWith413() throws Exception {
    byte[] body = new byte[32 * 1024 * 1024 + 1];
    java.util.Arrays.fill(body, (byte) 'x');
    HttpRequest request = calls.request("/v1/messages").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    HttpResponse<String> response = calls.send(request, HttpResponse.BodyHandlers.ofString());

    assertEquals(413, response.statusCode());
    assertTrue(response.body().contains("request_too_large"));
  }

  @Test
  void wrongClientKeyRejectedWith401() throws Exception {
    HttpRequest request = calls.request("/v1/messages")
        .setHeader("x-api-key", "cnp_live_wrong")
        .POST(HttpRequest.BodyPublishers.ofString(ProxyCalls.messagesBody(false, "hi"))).build();
    HttpResponse<String> response = calls.send(request, HttpResponse.BodyHandlers.ofString());

    assertEquals(401, response.statusCode());
    assertTrue(response.headers().firstValue("www-authenticate").orElse("").startsWith("Bearer"));
    assertTrue(response.body().contains("\"type\":\"authentication_error\""));
  }

  @Test
  void otherDomainKeyRejectedWith401() throws Exception {
    HttpRequest request = calls.request("/v1/messages")
        .setHeader("x-api-key", server.otherClientKey)
        .POST(HttpRequest.BodyPublishers.ofString(ProxyCalls.messagesBody(false, "hi"))).build();

    assertEquals(401, calls.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
  }

  @Test
  void bearerClientKeyAccepted() throws Exception {
    HttpRequest request = calls.request("/v1/messages")
        .setHeader("x-api-key", "")
        .header("authorization", "Bearer " + server.clientKey)
        .POST(HttpRequest.BodyPublishers.ofString(ProxyCalls.messagesBody(false, "hi"))).build();
    HttpResponse<String> response = calls.send(request, HttpResponse.BodyHandlers.ofString());
    server.fake.takeRequest(Duration.ofSeconds(10));

    assertEquals(200, response.statusCode());
  }

  /**
   * The container maps these paths to the forwarding servlet after normalizing them, but the
   * servlet would forward the raw path, so each is rejected before the client key check and the
   * upstream receives none of them.
   */
  @Test
  void nonCanonicalPathsAreRejected() throws Exception {
    int upstreamRequests = server.fake.requestCount();
    for (String path : List.of("/./v1/messages", "//v1/messages", "/x/../v1/messages",
        "/mcp/../v1/messages", "/v1/./messages", "/v1/../mcp", "/v1;a=b/messages",
        "/%2e/v1/messages", "/v1%2fmessages", "/v1", "/./mcp")) {
      URI base = URI.create(server.baseUrl());
      String response = RawHttp.send(base.getPort(), "POST", path, base.getAuthority(),
          Map.of("content-type", "application/json"), ProxyCalls.messagesBody(false, "path"));

      assertTrue(response.startsWith("HTTP/1.1 400 "), path + ": " + response);
      assertTrue(response.contains("is not in canonical form"), path + ": " + response);
    }
    assertEquals(upstreamRequests, server.fake.requestCount(), "requests that reached the upstream");
  }
}
