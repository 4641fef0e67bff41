package dev.claudenexus.testsupport.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DefaultReplyTest {

  /** The S0 stream as the Messages API documentation shows it, for model claude-haiku-4-5 and request 1. */
  private static final String S0 = """
      event: message_start
      data: {"type":"message_start","message":{"id":"msg_fake_1","type":"message","role":"assistant","model":"claude-haiku-4-5","content":[],"stop_reason":null,"usage":{"input_tokens":10,"output_tokens":1}}}

      event: content_block_start
      data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

      event: ping
      data: {"type": "ping"}

      event: content_block_delta
      data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hello"}}

      event: content_block_stop
      data: {"type":"content_block_stop","index":0}

      event: message_delta
      data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":5}}

      event: message_stop
      data: {"type":"message_stop"}

      """;

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
  void jsonReplyEchoesRequestModel() throws Exception {
    HttpResponse<String> response = post("{\"model\":\"claude-opus-4-1\",\"max_tokens\":16,\"messages\":[]}");

    assertEquals(200, response.statusCode());
    assertEquals("application/json", response.headers().firstValue("content-type").orElse(""));
    assertEquals("req_fake_1", response.headers().firstValue("request-id").orElse(""));
    assertEquals("{\"id\":\"msg_fake_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-opus-4-1\","
        + "\"content\":[{\"type\":\"text\",\"text\":\"Hello\"}],\"stop_reason\":\"end_turn\",\"stop_sequence\":null,"
        + "\"usage\":{\"input_tokens\":10,\"output_tokens\":5}}", response.body());
  }

  @Test
  void jsonReplyWithoutModelUsesFallback() throws Exception {
    HttpResponse<String> response = post("{\"max_tokens\":16,\"messages\":[]}");

    assertEquals(DefaultReplies.messageJson("claude-sonnet-4-5", "msg_fake_1"), response.body());
  }

  @Test
  void streamReplyEqualsS0Bytes() throws Exception {
    HttpResponse<byte[]> response = client.send(
        request("{\"model\" : \"claude-haiku-4-5\", \"stream\" : true, \"messages\":[]}"),
        HttpResponse.BodyHandlers.ofByteArray());

    assertEquals(200, response.statusCode());
    assertEquals(S0, new String(response.body(), StandardCharsets.UTF_8));
  }

  @Test
  void streamReplyHasAnthropicHeaders() throws Exception {
    HttpResponse<String> response = post("{\"model\":\"claude-haiku-4-5\",\"stream\":true}");

    assertEquals("text/event-stream; charset=utf-8", response.headers().firstValue("content-type").orElse(""));
    assertEquals("req_fake_1", response.headers().firstValue("request-id").orElse(""));
    assertEquals("allowed", response.headers().firstValue("anthropic-ratelimit-unified-status").orElse(""));
    assertEquals("chunked", response.headers().firstValue("transfer-encoding").orElse(""));
  }

  @Test
  void streamFalseGetsJsonReply() throws Exception {
    HttpResponse<String> response = post("{\"model\":\"claude-haiku-4-5\",\"stream\":false}");

    assertEquals("application/json", response.headers().firstValue("content-type").orElse(""));
  }

  @Test
  void escapedModelIsEchoedUnescaped() throws Exception {
    HttpResponse<String> response = post("{\"model\":\"odd\\\"name\"}");

    assertEquals(DefaultReplies.messageJson("odd\"name", "msg_fake_1"), response.body());
  }

  @Test
  void setDefaultReplacesBuiltInReply() throws Exception {
    api.setDefault(ApiErrors.overloaded());

    HttpResponse<String> first = post("{}");
    HttpResponse<String> second = post("{}");

    assertEquals(529, first.statusCode());
    assertEquals(529, second.statusCode());
  }

  private HttpResponse<String> post(String json) throws Exception {
    return client.send(request(json), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest request(String json) {
    return HttpRequest.newBuilder(URI.create(api.baseUrl() + "/v1/messages"))
        .timeout(Duration.ofSeconds(10))
        .header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }
}
