package dev.claudenexus.testsupport.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ScriptedReplyTest {

  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();
  private FakeAnthropicApi api;

  @BeforeEach
  void startApi() {
    api = FakeAnthropicApi.start();
  }

  @AfterEach
  void closeApi() {
    api.close();
  }

  @Test
  void enqueuedRepliesServeInOrder() throws Exception {
    api.enqueue(ApiErrors.overloaded());
    api.enqueue(ApiErrors.rateLimited(Duration.ofSeconds(7)));
    api.enqueue(FakeReply.json(201, "{\"n\":3}"));

    HttpResponse<String> first = post("{}");
    HttpResponse<String> second = post("{}");
    HttpResponse<String> third = post("{}");
    HttpResponse<String> fourth = post("{}");

    assertEquals(529, first.statusCode());
    assertEquals(429, second.statusCode());
    assertEquals("7", second.headers().firstValue("retry-after").orElse(""));
    assertEquals(201, third.statusCode());
    assertEquals("{\"n\":3}", third.body());
    assertEquals(200, fourth.statusCode());
  }

  @Test
  void errorReplyHasAnthropicShape() throws Exception {
    api.enqueue(ApiErrors.overloaded());

    HttpResponse<String> response = post("{}");

    assertEquals("{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}",
        response.body());
  }

  @Test
  void statusLineUsesScriptedReason() throws Exception {
    api.enqueue(FakeReply.status(529).reason("Site Overloaded").build());

    try (RawClient raw = RawClient.connect(api.port())) {
      raw.sendPost("{}");

      assertTrue(raw.readHead().startsWith("HTTP/1.1 529 Site Overloaded\r\n"));
    }
  }

  @Test
  void replyFunctionSeesRequestBody() throws Exception {
    api.setDefault(FakeReply.from(request -> FakeReply.json(200, "{\"bytes\":" + request.bodyLength() + "}")));

    HttpResponse<String> small = post("{}");
    HttpResponse<String> large = post("{\"padding\":\"" + "x".repeat(5000) + "\"}");

    assertEquals("{\"bytes\":2}", small.body());
    assertEquals("{\"bytes\":5014}", large.body());
  }

  @Test
  void failingReplyFunctionGives500() throws Exception {
    api.enqueue(FakeReply.from(request -> {
      throw new IllegalStateException("boom");
    }));

    HttpResponse<String> response = post("{}");

    assertEquals(500, response.statusCode());
  }

  @Test
  void duplicateReplyHeadersReachClient() throws Exception {
    api.enqueue(FakeReply.status(200).header("x-trace", "a").header("X-Trace", "b").body("ok").build());

    HttpResponse<String> response = post("{}");

    assertEquals(List.of("a", "b"), response.headers().allValues("x-trace"));
  }

  @Test
  void scriptedContentLengthIsNotDuplicated() throws Exception {
    api.enqueue(FakeReply.status(200).header("Content-Length", "2").body("ok").build());

    try (RawClient raw = RawClient.connect(api.port())) {
      raw.sendPost("{}");
      String head = raw.readHead();

      assertEquals(head.indexOf("Content-Length"), head.lastIndexOf("Content-Length"));
    }
  }

  @Test
  void delayedHeadersTriggerClientTimeout() throws Exception {
    api.enqueue(FakeReply.status(200).delayHeaders(Duration.ofSeconds(60)).body("late").build());
    HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/v1/messages"))
        .timeout(Duration.ofMillis(300))
        .POST(HttpRequest.BodyPublishers.ofString("{}"))
        .build();

    assertThrows(HttpTimeoutException.class, () -> client.send(request, HttpResponse.BodyHandlers.ofString()));
    ClientAbort abort = api.awaitAborts(1, Duration.ofSeconds(10)).get(0);
    assertEquals(0, abort.writesSent());
    assertEquals("/v1/messages", abort.request().target());
  }

  @Test
  void requestCountIncludesEveryRequest() throws Exception {
    api.setRequestRecording(false);

    post("{}");
    post("{}");

    assertEquals(2, api.requestCount());
  }

  @Test
  void takeRequestTimesOutWithAssertion() {
    assertThrows(AssertionError.class, () -> api.takeRequest(Duration.ofMillis(50)));
  }

  private HttpResponse<String> post(String json) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/v1/messages"))
        .timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
