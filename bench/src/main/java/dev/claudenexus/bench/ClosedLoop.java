package dev.claudenexus.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * Closed-loop load: each client sends its next request as soon as the previous response body has
 * been read to the end, until the run's request count is used up or its time limit passes.
 */
final class ClosedLoop {

  /** Maximum latency the histograms record, in microseconds, above the request timeout. */
  private static final long MAX_TRACKED_MICROS = Duration.ofSeconds(120).toNanos() / 1000;
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient http;

  ClosedLoop(HttpClient http) {
    this.http = http;
  }

  /**
   * Sends {@code requests} requests of this shape from {@code clients} concurrent clients.
   *
   * @param timeLimit the run stops sending new requests after this long, even with requests left
   */
  LoadResult run(Endpoint endpoint, RequestShape shape, int clients, int requests, Duration timeLimit)
      throws InterruptedException {
    HttpRequest request = endpoint.messages(shape.body(), REQUEST_TIMEOUT);
    AtomicInteger remaining = new AtomicInteger(requests);
    long deadline = System.nanoTime() + timeLimit.toNanos();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(clients, task -> {
      Thread thread = new Thread(task, "bench-client");
      thread.setDaemon(true);
      return thread;
    });
    List<Future<ClientTally>> tallies = new ArrayList<>();
    try {
      for (int i = 0; i < clients; i++) {
        tallies.add(pool.submit(() -> {
          start.await();
          return runClient(request, shape.streaming(), remaining, deadline);
        }));
      }
      long begin = System.nanoTime();
      start.countDown();
      ClientTally total = new ClientTally();
      for (Future<ClientTally> tally : tallies) {
        total.add(tally.get());
      }
      long elapsed = System.nanoTime() - begin;
      return new LoadResult(endpoint.name(), shape, clients, requests, total.succeeded, total.failures,
          elapsed, remaining.get() > 0, total.latency, total.firstByte, -1);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("A load client failed unexpectedly", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private ClientTally runClient(HttpRequest request, boolean streaming, AtomicInteger remaining,
      long deadline) {
    ClientTally tally = new ClientTally();
    byte[] buffer = new byte[8192];
    while (System.nanoTime() < deadline && remaining.getAndDecrement() > 0) {
      long sent = System.nanoTime();
      try {
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        long firstByte;
        String body;
        try (InputStream in = response.body()) {
          int first = in.read(buffer);
          firstByte = System.nanoTime();
          byte[] rest = in.readAllBytes();
          body = new String(buffer, 0, Math.max(first, 0), StandardCharsets.UTF_8)
              + new String(rest, StandardCharsets.UTF_8);
        }
        long done = System.nanoTime();
        String failure = check(response.statusCode(), body, streaming);
        if (failure != null) {
          tally.fail(failure);
          continue;
        }
        tally.succeeded++;
        tally.latency.recordValue(Math.min(MAX_TRACKED_MICROS, (done - sent) / 1000));
        tally.firstByte.recordValue(Math.min(MAX_TRACKED_MICROS, (firstByte - sent) / 1000));
      } catch (IOException e) {
        tally.fail(e.getClass().getSimpleName());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return tally;
  }

  /** Returns why a response does not count as a success, or null when it does. */
  private static String check(int status, String body, boolean streaming) {
    if (status != 200) {
      return "HTTP " + status;
    }
    if (streaming && !body.contains("event: message_stop")) {
      return "stream without message_stop";
    }
    if (!streaming && !body.contains("\"type\":\"message\"")) {
      return "JSON body without a message";
    }
    return null;
  }

  /** Counts of one client thread, merged after the run. */
  private static final class ClientTally {
    long succeeded;
    final Map<String, Long> failures = new HashMap<>();
    final Histogram latency = new Histogram(MAX_TRACKED_MICROS, 3);
    final Histogram firstByte = new Histogram(MAX_TRACKED_MICROS, 3);

    void fail(String reason) {
      failures.merge(reason, 1L, Long::sum);
    }

    void add(ClientTally other) {
      succeeded += other.succeeded;
      other.failures.forEach((reason, count) -> failures.merge(reason, count, Long::sum));
      latency.add(other.latency);
      firstByte.add(other.firstByte);
    }
  }
}
