package dev.claudenexus.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code GET /api/requests/stream}: a request sent through the proxy appears on an open stream. */
@ExtendWith(NexusServerExtension.class)
class RequestStreamIT {

  private final NexusServer server;

  RequestStreamIT(NexusServer server) {
    this.server = server;
  }

  @Test
  void newRequestAppearsOnOpenStreams() throws Exception {
    for (String base : List.of(server.dashboardUrl(), server.baseUrl())) {
      HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/requests/stream"))
          .header("Accept", "text/event-stream")
          .header("X-Dashboard-Key", NexusServer.DASHBOARD_KEY)
          .build();
      HttpResponse<InputStream> response = HttpClient.newHttpClient()
          .send(request, HttpResponse.BodyHandlers.ofInputStream());
      BlockingQueue<String> lines = new LinkedBlockingQueue<>();
      Thread reader = readLines(response.body(), lines);
      try {
        assertThat(response.statusCode()).as(base).isEqualTo(200);
        assertThat(awaitLine(lines, "event: connected", Duration.ofSeconds(10))).as(base).isTrue();

        HttpResponse<String> sent = new ProxyCalls(server).post("/v1/messages",
            ProxyCalls.messagesBody(false, "appear on the stream"));
        String requestId = ProxyCalls.requestId(sent);
        // Later tests read the fake's requests in order, so this one must not stay queued.
        server.fake.takeRequest(Duration.ofSeconds(10));

        assertThat(awaitLine(lines, "\"request_id\":\"" + requestId + "\"", Duration.ofSeconds(10)))
            .as("request %s on the stream of %s", requestId, base).isTrue();
      } finally {
        response.body().close();
        reader.interrupt();
      }
    }
  }

  private static Thread readLines(InputStream body, BlockingQueue<String> lines) {
    Thread thread = new Thread(() -> {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          lines.add(line);
        }
      } catch (java.io.IOException e) {
        // The test closed the stream.
      }
    }, "sse-reader");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static boolean awaitLine(BlockingQueue<String> lines, String fragment, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (line != null && line.contains(fragment)) {
        return true;
      }
    }
    return false;
  }
}
