package dev.claudenexus.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** HTTP calls to the proxy under test, authenticated with the domain's client key. */
final class ProxyCalls {

  static final String MODEL = "claude-sonnet-4-5";

  private final NexusServer server;
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  ProxyCalls(NexusServer server) {
    this.server = server;
  }

  HttpRequest.Builder request(String target) {
    return HttpRequest.newBuilder(URI.create(server.baseUrl() + target))
        .timeout(Duration.ofSeconds(60))
        .header("x-api-key", server.clientKey)
        .header("anthropic-version", "2023-06-01")
        .header("content-type", "application/json");
  }

  HttpResponse<String> post(String target, String body) throws IOException, InterruptedException {
    return http.send(request(target).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<byte[]> postBytes(String target, String body) throws IOException, InterruptedException {
    return http.send(request(target).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    return http.send(request, handler);
  }

  static String messagesBody(boolean stream, String text) {
    return "{\"model\":\"" + MODEL + "\",\"max_tokens\":64,\"stream\":" + stream
        + ",\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]}";
  }

  /**
   * Returns a body that the proxy classifies as {@code inference}: two system entries, as Claude
   * Code sends. The text must need no JSON escaping.
   */
  static String inferenceBody(boolean stream, String text) {
    return "{\"model\":\"" + MODEL + "\",\"max_tokens\":64,\"stream\":" + stream
        + ",\"system\":[{\"type\":\"text\",\"text\":\"You are Claude Code.\"},"
        + "{\"type\":\"text\",\"text\":\"Be brief.\"}]"
        + ",\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]}";
  }

  static String requestId(HttpResponse<?> response) {
    return response.headers().firstValue("x-nexus-request-id")
        .orElseThrow(() -> new AssertionError("The response has no X-Nexus-Request-Id header"));
  }
}
