package dev.claudenexus.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.claudenexus.testsupport.anthropic.ReceivedRequest;
import dev.claudenexus.testsupport.claudecode.AssistantReply;
import dev.claudenexus.testsupport.claudecode.ClaudeCodeRequest;
import dev.claudenexus.testsupport.claudecode.ClaudeCodeSession;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Sends scripted Claude Code requests through the proxy. The fake API replies to each with a given
 * streamed reply, and a call returns once the whole stream was read, as the CLI does before its next
 * request.
 */
final class ClaudeCodeClient {

  /** Headers the JDK HTTP client sets itself and refuses from callers. */
  private static final Set<String> CLIENT_SET_HEADERS = Set.of("host", "connection", "content-length");

  /**
   * A request that went through the proxy.
   *
   * @param requestId the proxy's request id, from {@code X-Nexus-Request-Id}
   * @param messageCount the number of messages in the body, injected system messages included
   * @param sessionId the {@code x-claude-code-session-id} header sent
   */
  record Sent(String requestId, int messageCount, String sessionId) {
  }

  private final NexusServer server;
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  ClaudeCodeClient(NexusServer server) {
    this.server = server;
  }

  /** Sends the session's next request with this reply from the fake API, and appends the reply to the session. */
  Sent turn(ClaudeCodeSession session, AssistantReply reply) throws IOException, InterruptedException {
    Sent sent = send(session.request(), reply, session.model());
    session.receive(reply);
    return sent;
  }

  /** Sends one request with this reply from the fake API. The caller decides what the client keeps of the reply. */
  Sent send(ClaudeCodeRequest request, AssistantReply reply, String model)
      throws IOException, InterruptedException {
    return send(request.target(), request.headers(), request.body(), reply, model);
  }

  /**
   * Sends a body with these headers and this reply from the fake API. The domain's client key
   * replaces any {@code x-api-key}.
   */
  Sent send(String target, Map<String, String> headers, String body, AssistantReply reply, String model)
      throws IOException, InterruptedException {
    // Test classes share the fake; a request another class did not take must not be read as ours.
    server.fake.discardReceived();
    server.fake.enqueue(reply.toFakeReply(model));
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server.baseUrl() + target))
        .timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach((name, value) -> {
      if (!CLIENT_SET_HEADERS.contains(name) && !name.equals("accept-encoding") && !name.equals("x-api-key")) {
        builder.header(name, value);
      }
    });
    builder.header("x-api-key", server.clientKey);

    HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    ReceivedRequest upstream = server.fake.takeRequest(Duration.ofSeconds(10));

    assertEquals(200, response.statusCode(), () -> "Proxy status for " + target + ": " + response.body());
    assertEquals(body, upstream.bodyText(), "The proxy forwards the body unchanged");
    assertTrue(response.body().contains(reply.messageId()),
        () -> "The proxy streamed the scripted reply " + reply.messageId());
    assertTrue(response.body().contains("message_stop"), "The proxy streamed the reply to its end");
    int messageCount;
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      messageCount = reader.readObject().getJsonArray("messages").size();
    }
    return new Sent(ProxyCalls.requestId(response), messageCount, headers.get("x-claude-code-session-id"));
  }
}
