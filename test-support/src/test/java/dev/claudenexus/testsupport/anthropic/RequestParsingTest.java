package dev.claudenexus.testsupport.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RequestParsingTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

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
  void duplicateHeadersKeptInOrder() throws Exception {
    try (RawClient raw = RawClient.connect(api.port())) {
      raw.send("POST /v1/messages?beta=true HTTP/1.1\r\nHost: 127.0.0.1\r\nanthropic-beta: a\r\n"
          + "X-Api-Key: k1\r\nAnthropic-Beta: b\r\nContent-Length: 2\r\n\r\n{}");
      raw.readHead();
    }
    ReceivedRequest request = api.takeRequest(WAIT);

    assertEquals(List.of("a", "b"), request.headers().all("ANTHROPIC-BETA"));
    assertEquals("Anthropic-Beta", request.headers().fields().get(3).name());
    assertEquals("k1", request.header("x-api-key"));
    assertNull(request.header("authorization"));
  }

  @Test
  void requestLineIsRecorded() throws Exception {
    try (RawClient raw = RawClient.connect(api.port())) {
      raw.send("POST /v1/messages?beta=true HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n\r\n{}");
      raw.readHead();
    }
    ReceivedRequest request = api.takeRequest(WAIT);

    assertEquals("POST", request.method());
    assertEquals("/v1/messages?beta=true", request.target());
    assertEquals("/v1/messages", request.path());
    assertEquals("{}", request.bodyText());
    assertNotNull(request.receivedAt());
  }

  @Test
  void chunkedRequestBodyIsDecoded() throws Exception {
    try (RawClient raw = RawClient.connect(api.port())) {
      raw.send("POST /v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n"
          + "5;name=value\r\n{\"a\":\r\n3\r\n12}\r\n0\r\nX-Checksum: abc\r\n\r\n");
      raw.readHead();
    }
    ReceivedRequest request = api.takeRequest(WAIT);

    assertEquals("{\"a\":12}", request.bodyText());
    assertEquals("abc", request.trailers().first("x-checksum"));
  }

  @Test
  void streamedBodyFromHttpClient() throws Exception {
    byte[] json = "{\"model\":\"m\",\"stream\":false}".getBytes(StandardCharsets.UTF_8);
    HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/v1/messages"))
        .timeout(WAIT)
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(json)))
        .build();

    client.send(request, HttpResponse.BodyHandlers.ofString());
    ReceivedRequest received = api.takeRequest(WAIT);

    assertEquals("chunked", received.header("transfer-encoding"));
    assertEquals("{\"model\":\"m\",\"stream\":false}", received.bodyText());
  }

  @Test
  void expectContinueGetsInterimResponse() throws Exception {
    try (RawClient raw = RawClient.connect(api.port())) {
      raw.send("POST /v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");
      String interim = raw.readHead();
      raw.send("{}");
      String head = raw.readHead();

      assertEquals("HTTP/1.1 100 Continue\r\n\r\n", interim);
      assertTrue(head.startsWith("HTTP/1.1 200 OK\r\n"), head);
    }
  }

  @Test
  void expectContinueWorksWithHttpClient() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/v1/messages"))
        .timeout(WAIT)
        .expectContinue(true)
        .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\"}"))
        .build();

    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

    assertEquals(200, response.statusCode());
    assertEquals("{\"model\":\"m\"}", api.takeRequest(WAIT).bodyText());
  }

  @Test
  void httpClientReusesOneConnection() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/v1/messages"))
        .timeout(WAIT)
        .POST(HttpRequest.BodyPublishers.ofString("{}"))
        .build();

    client.send(request, HttpResponse.BodyHandlers.ofString());
    client.send(request, HttpResponse.BodyHandlers.ofString());

    assertEquals(1, api.connectionCount());
    assertEquals(api.takeRequest(WAIT).connectionId(), api.takeRequest(WAIT).connectionId());
  }

  @Test
  void http2UpgradeFallsBackToHttp11() throws Exception {
    HttpClient defaultClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/v1/messages"))
        .timeout(WAIT)
        .POST(HttpRequest.BodyPublishers.ofString("{}"))
        .build();

    HttpResponse<String> response = defaultClient.send(request, HttpResponse.BodyHandlers.ofString());

    assertEquals(200, response.statusCode());
    assertEquals(HttpClient.Version.HTTP_1_1, response.version());
  }

  @Test
  void rawSocketCarriesTwoRequests() throws Exception {
    try (RawClient raw = RawClient.connect(api.port())) {
      raw.sendPost("{\"model\":\"first\"}");
      String first = raw.readBodyOf(raw.readHead());
      raw.sendPost("{\"model\":\"second\"}");
      String second = raw.readBodyOf(raw.readHead());

      assertEquals(DefaultReplies.messageJson("first", "msg_fake_1"), first);
      assertEquals(DefaultReplies.messageJson("second", "msg_fake_2"), second);
    }
  }

  @Test
  void connectionCloseEndsConnection() throws Exception {
    try (RawClient raw = RawClient.connect(api.port())) {
      raw.send("GET /v1/models HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
      byte[] response = raw.readToEnd();

      assertTrue(new String(response, StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 200 OK\r\n"));
    }
  }

  @Test
  void malformedRequestLineGets400() throws Exception {
    try (RawClient raw = RawClient.connect(api.port())) {
      raw.send("NONSENSE\r\n\r\n");
      String response = new String(raw.readToEnd(), StandardCharsets.ISO_8859_1);

      assertTrue(response.startsWith("HTTP/1.1 400 Bad Request\r\n"), response);
      assertTrue(response.contains("\"type\":\"invalid_request_error\""), response);
    }
  }
}
