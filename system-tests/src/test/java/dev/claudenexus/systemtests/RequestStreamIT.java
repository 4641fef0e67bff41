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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /api/requests/stream}: a request sent through the proxy appears on every open stream of
 * both ports.
 */
@ExtendWith(NexusServerExtension.class)
class RequestStreamIT {

  private final NexusServer server;

  RequestStreamIT(NexusServer server) {
    this.server = server;
  }

  @Test
  void newRequestAppearsOnEveryOpenStream() throws Exception {
    // Two browsers on the dashboard and a script on the proxy's port, all open at once.
    List<String> bases = List.of(server.dashboardUrl(), server.dashboardUrl(), server.baseUrl());
    List<OpenStream> streams = new ArrayList<>();
    try {
      for (String base : bases) {
        OpenStream stream = OpenStream.open(base);
        streams.add(stream);
        assertThat(stream.status()).as(base).isEqualTo(200);
        assertThat(stream.awaitLine("event: connected", Duration.ofSeconds(10))).as(base).isTrue();
      }

      HttpResponse<String> sent = new ProxyCalls(server).post("/v1/messages",
          ProxyCalls.messagesBody(false, "appear on the stream"));
      String requestId = ProxyCalls.requestId(sent);
      // Later tests read the fake's requests in order, so this one must not stay queued.
      server.fake.takeRequest(Duration.ofSeconds(10));

      for (OpenStream stream : streams) {
        assertThat(stream.awaitLine("\"request_id\":\"" + requestId + "\"", Duration.ofSeconds(10)))
            .as("request %s on the stream of %s", requestId, stream.base()).isTrue();
      }
    } finally {
      for (OpenStream stream : streams) {
        stream.close();
      }
    }
  }

  /** One open {@code /api/requests/stream} connection and the lines read from it so far. */
  private record OpenStream(String base, HttpResponse<InputStream> response,
      BlockingQueue<String> lines, Thread reader) {

    static OpenStream open(String base) throws Exception {
      HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/requests/stream"))
          .header("Accept", "text/event-stream")
          .header("X-Dashboard-Key", NexusServer.DASHBOARD_KEY)
          .build();
      HttpResponse<InputStream> response = HttpClient.newHttpClient()
          .send(request, HttpResponse.BodyHandlers.ofInputStream());
      BlockingQueue<String> lines = new LinkedBlockingQueue<>();
      return new OpenStream(base, response, lines, readLines(response.body(), lines));
    }

    int status() {
      return response.statusCode();
    }

    boolean awaitLine(String fragment, Duration timeout) throws InterruptedException {
      return RequestStreamIT.awaitLine(lines, fragment, timeout);
    }

    void close() throws java.io.IOException {
      response.body().close();
      reader.interrupt();
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
