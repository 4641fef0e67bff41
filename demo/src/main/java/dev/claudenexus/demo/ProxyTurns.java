package dev.claudenexus.demo;

import dev.claudenexus.testsupport.anthropic.FakeAnthropicApi;
import dev.claudenexus.testsupport.anthropic.FakeReply;
import dev.claudenexus.testsupport.claudecode.AssistantReply;
import dev.claudenexus.testsupport.claudecode.ClaudeCodeRequest;
import dev.claudenexus.testsupport.claudecode.ClaudeCodeSession;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Sends scripted Claude Code requests through the proxy, one at a time as the CLI does. Before each
 * request it enqueues the reply the fake API must send, so requests and replies pair up in order.
 */
final class ProxyTurns {

  /** Headers the JDK HTTP client sets itself, and the client key, which comes from the account. */
  private static final Set<String> SKIPPED_HEADERS =
      Set.of("host", "connection", "content-length", "accept-encoding", "x-api-key");
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private final FakeAnthropicApi fake;
  private final HttpClient http;
  private final List<PlayedRequest> played = new ArrayList<>();

  ProxyTurns(FakeAnthropicApi fake) {
    this.fake = fake;
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  /** Sends the session's next request, expects the streamed reply, and appends it to the session. */
  PlayedRequest turn(DemoAccount account, ClaudeCodeSession session, AssistantReply reply) {
    return turn(account, session, reply, reply.toFakeReply(session.model()));
  }

  /** Like {@link #turn(DemoAccount, ClaudeCodeSession, AssistantReply)}, with the fake sending {@code wire}. */
  PlayedRequest turn(DemoAccount account, ClaudeCodeSession session, AssistantReply reply, FakeReply wire) {
    PlayedRequest sent = send(account, session.request(), wire, 200);
    session.receive(reply);
    return sent;
  }

  /**
   * Sends one request with this reply from the fake API.
   *
   * @throws DemoFailedException when the proxy returns another status or cannot be reached
   */
  PlayedRequest send(DemoAccount account, ClaudeCodeRequest request, FakeReply reply, int expectedStatus) {
    fake.enqueue(reply);
    HttpRequest.Builder builder = HttpRequest.newBuilder(account.resolve(request.target()))
        .timeout(REQUEST_TIMEOUT)
        .POST(HttpRequest.BodyPublishers.ofString(request.body()));
    request.headers().forEach((name, value) -> {
      if (!SKIPPED_HEADERS.contains(name)) {
        builder.header(name, value);
      }
    });
    builder.header("x-api-key", account.clientKey());

    HttpResponse<String> response = exchange(builder.build());
    if (response.statusCode() != expectedStatus) {
      throw new DemoFailedException("The proxy returned " + response.statusCode() + " instead of "
          + expectedStatus + " to a request of " + account.baseUrl() + ": " + abbreviate(response.body()));
    }
    boolean streamed = request.json().getBoolean("stream", false);
    PlayedRequest sent = new PlayedRequest(
        response.headers().firstValue("x-nexus-request-id").orElse(null), response.statusCode(), streamed);
    played.add(sent);
    return sent;
  }

  /** Returns the requests sent so far, oldest first. */
  List<PlayedRequest> played() {
    return List.copyOf(played);
  }

  private HttpResponse<String> exchange(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new DemoFailedException("Sending a request to " + request.uri() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DemoFailedException("Interrupted while waiting for " + request.uri(), e);
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "...";
  }
}
