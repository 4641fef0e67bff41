package dev.claudenexus.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.claudenexus.testsupport.anthropic.ApiErrors;
import dev.claudenexus.testsupport.webhook.ReceivedPost;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NexusServerExtension.class)
class NotificationsIT {

  private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);

  private final NexusServer server;
  private final ProxyCalls calls;

  NotificationsIT(NexusServer server) {
    this.server = server;
    this.calls = new ProxyCalls(server);
  }

  private static String marker() {
    return "marker-" + UUID.randomUUID();
  }

  private static JsonObject json(ReceivedPost post) {
    return Json.createReader(new StringReader(post.body())).readObject();
  }

  private static String footer(JsonObject payload) {
    return payload.getJsonArray("attachments").getJsonObject(0).getString("footer");
  }

  private HttpResponse<String> inference(boolean stream, String text) throws Exception {
    HttpResponse<String> response = calls.post("/v1/messages", ProxyCalls.inferenceBody(stream, text));
    server.fake.takeRequest(Duration.ofSeconds(10));
    return response;
  }

  /** Waits for the Slack messages that contain the text, then a second more for unexpected extra ones. */
  private List<ReceivedPost> slackMessages(String text, int expected) throws InterruptedException {
    server.hooks.await(post -> isSlack(post, text), expected, DELIVERY_TIMEOUT);
    Thread.sleep(1000);
    return server.hooks.received().stream().filter(post -> isSlack(post, text)).toList();
  }

  private static boolean isSlack(ReceivedPost post, String text) {
    return post.path().equals(NexusServer.SLACK_PATH) && post.body().contains(text);
  }

  @Test
  void streamedInferenceGetsOneMessage() throws Exception {
    String marker = marker();
    assertEquals(200, inference(true, marker).statusCode());

    List<ReceivedPost> messages = slackMessages(marker, 1);

    assertEquals(1, messages.size());
    JsonObject payload = json(messages.get(0));
    assertEquals(":bust_in_silhouette: User: " + marker + "\n:robot_face: Claude: Hello", payload.getString("text"));
    assertEquals(server.domain() + " | " + ProxyCalls.MODEL + " | inference | cnp_**** | Tokens: 10 in / 5 out",
        footer(payload));
    assertEquals(NexusServer.SLACK_CHANNEL, payload.getString("channel"));
    assertEquals("Claude Nexus Proxy", payload.getString("username"));
    assertEquals(":robot_face:", payload.getString("icon_emoji"));
  }

  @Test
  void jsonInferenceGetsOneMessage() throws Exception {
    String marker = marker();
    assertEquals(200, inference(false, marker).statusCode());

    List<ReceivedPost> messages = slackMessages(marker, 1);

    assertEquals(1, messages.size());
    assertEquals(":bust_in_silhouette: User: " + marker + "\n:robot_face: Claude: Hello",
        json(messages.get(0)).getString("text"));
  }

  @Test
  void sameUserContentTwiceGetsOneMessage() throws Exception {
    String repeated = marker();
    inference(false, repeated);
    server.hooks.await(post -> isSlack(post, repeated), 1, DELIVERY_TIMEOUT);
    inference(true, repeated);
    String next = marker();
    inference(false, next);

    slackMessages(next, 1);

    assertEquals(1, slackMessages(repeated, 1).size());
  }

  @Test
  void queryEvaluationGetsNoMessage() throws Exception {
    String marker = marker();
    calls.post("/v1/messages", ProxyCalls.messagesBody(false, marker));
    server.fake.takeRequest(Duration.ofSeconds(10));
    String next = marker();
    inference(false, next);

    slackMessages(next, 1);

    assertEquals(0, slackMessages(marker, 0).size());
  }

  @Test
  void upstreamErrorGetsErrorNotice() throws Exception {
    String marker = marker();
    server.fake.enqueue(ApiErrors.reply(400, "invalid_request_error", "bad request " + marker));
    assertEquals(400, inference(false, "fails " + marker).statusCode());

    List<ReceivedPost> messages = slackMessages(marker, 1);

    assertEquals(1, messages.size());
    JsonObject payload = json(messages.get(0));
    assertEquals("Error: bad request " + marker, payload.getString("text"));
    assertEquals(server.domain() + " | Unknown", footer(payload));
  }

  @Test
  void telemetryHasOriginalShape() throws Exception {
    HttpResponse<String> response = inference(false, marker());
    String requestId = ProxyCalls.requestId(response);

    List<ReceivedPost> posts = server.hooks.await(post -> post.path().equals(NexusServer.TELEMETRY_PATH)
        && post.body().contains(requestId), 1, DELIVERY_TIMEOUT);

    assertEquals(1, posts.size());
    JsonObject telemetry = json(posts.get(0));
    assertEquals(Set.of("requestId", "timestamp", "domain", "apiKey", "model", "inputTokens",
        "outputTokens", "duration", "status", "toolCallCount", "requestType"), telemetry.keySet());
    assertEquals(requestId, telemetry.getString("requestId"));
    assertEquals(server.domain(), telemetry.getString("domain"));
    assertEquals("cnp_****", telemetry.getString("apiKey"));
    assertEquals(ProxyCalls.MODEL, telemetry.getString("model"));
    assertEquals(10, telemetry.getInt("inputTokens"));
    assertEquals(5, telemetry.getInt("outputTokens"));
    assertEquals(200, telemetry.getInt("status"));
    assertEquals(0, telemetry.getInt("toolCallCount"));
    assertEquals("inference", telemetry.getString("requestType"));
    assertTrue(telemetry.getInt("duration") >= 0);
    assertTrue(telemetry.getString("timestamp").endsWith("Z"), telemetry.getString("timestamp"));
  }

  @Test
  void failedRequestTelemetryHasError() throws Exception {
    String marker = marker();
    server.fake.enqueue(ApiErrors.reply(404, "not_found_error", "no model " + marker));
    String requestId = ProxyCalls.requestId(inference(false, marker));

    List<ReceivedPost> posts = server.hooks.await(post -> post.path().equals(NexusServer.TELEMETRY_PATH)
        && post.body().contains(requestId), 1, DELIVERY_TIMEOUT);

    assertEquals(1, posts.size());
    assertEquals("no model " + marker, json(posts.get(0)).getString("error"));
    assertEquals(404, json(posts.get(0)).getInt("status"));
  }

  @Test
  void hangingReceiversDoNotSlowRequests() throws Exception {
    server.hooks.hang(true);
    try {
      long start = System.nanoTime();
      for (int i = 0; i < 10; i++) {
        HttpResponse<String> response = inference(i % 2 == 0, marker());
        assertEquals(200, response.statusCode(), "request " + i);
      }
      long elapsedMs = (System.nanoTime() - start) / 1_000_000;

      // Each post to a hanging receiver is given up after 5 s, so 10 requests that waited for Slack
      // or telemetry would take at least 50 s. The bound leaves room for a loaded machine.
      assertTrue(elapsedMs < 30_000, "10 requests took " + elapsedMs + " ms while the receivers hung");
      assertTrue(awaitHeld(), "the proxy never reached the hanging receivers");
    } finally {
      server.hooks.hang(false);
    }
  }

  private boolean awaitHeld() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (server.hooks.heldCount() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    return server.hooks.heldCount() > 0;
  }

  @Test
  void messagesCarryNoKeys() throws Exception {
    String marker = marker();
    inference(false, marker + " " + server.clientKey);

    List<ReceivedPost> messages = slackMessages(marker, 1);

    assertEquals(1, messages.size());
    assertTrue(messages.get(0).body().contains(marker + " cnp_****"), messages.get(0).body());
    assertFalse(messages.get(0).body().contains(server.clientKey));
  }

  @Test
  void domainWebhookReplacesGlobalOne() throws Exception {
    String domain = "team.example.com";
    String key = "cnp_live_domainwebhook";
    java.nio.file.Path file = server.home.resolve("credentials").resolve(domain + ".credentials.json");
    String text = marker();
    try {
      java.nio.file.Files.writeString(file, "{\"type\":\"api_key\",\"api_key\":\"sk-ant-team\",\"client_api_key\":\""
          + key + "\",\"slack\":{\"webhook_url\":\"" + server.hooks.url("/slack-team") + "\"}}");
      Thread.sleep(1500);
      String response = RawHttp.postMessages(server.port, domain, key, ProxyCalls.inferenceBody(false, text));
      assertEquals(200, RawHttp.status(response), response);
      server.fake.takeRequest(Duration.ofSeconds(10));
      List<ReceivedPost> posts = server.hooks.await(
          post -> post.path().equals("/slack-team") && post.body().contains(text), 1, DELIVERY_TIMEOUT);

      assertEquals(1, posts.size());
      assertTrue(slackMessages(text, 0).isEmpty(), "the global webhook got no message for the domain");
    } finally {
      java.nio.file.Files.deleteIfExists(file);
    }
  }
}
