package dev.claudenexus.testsupport.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Loopback HTTP server on 127.0.0.1 that responds to every request with 200 {@code ok} and records
 * it. While {@linkplain #hang hanging}, it reads each request and then sends nothing until hanging
 * is switched off, for at most {@link #MAX_HANG} per request.
 */
public final class FakeWebhookServer implements AutoCloseable {

  /** Maximum time one request is held while hanging, so a forgotten hang ends by itself. */
  public static final Duration MAX_HANG = Duration.ofSeconds(120);

  private static final int MAX_THREADS = 64;

  private final HttpServer server;
  private final ExecutorService threads;
  private final List<ReceivedPost> received = new CopyOnWriteArrayList<>();
  private final AtomicReference<CountDownLatch> hang = new AtomicReference<>();
  private final AtomicInteger held = new AtomicInteger();

  private FakeWebhookServer(HttpServer server, ExecutorService threads) {
    this.server = server;
    this.threads = threads;
  }

  /** Starts a server on 127.0.0.1 with an ephemeral port. */
  public static FakeWebhookServer start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 64);
      AtomicInteger sequence = new AtomicInteger();
      ExecutorService threads = Executors.newFixedThreadPool(MAX_THREADS, task -> {
        Thread thread = new Thread(task, "fake-webhook-" + sequence.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      });
      FakeWebhookServer fake = new FakeWebhookServer(server, threads);
      server.createContext("/", fake::handle);
      server.setExecutor(threads);
      server.start();
      return fake;
    } catch (IOException e) {
      throw new UncheckedIOException("Listening on 127.0.0.1 failed", e);
    }
  }

  /** Returns {@code http://127.0.0.1:PORT} followed by the path, such as {@code /slack}. */
  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** Starts or stops hanging. Stopping sends the response to every held request at once. */
  public void hang(boolean enabled) {
    CountDownLatch previous = hang.getAndSet(enabled ? new CountDownLatch(1) : null);
    if (previous != null) {
      previous.countDown();
    }
  }

  /** Returns the number of requests held right now. */
  public int heldCount() {
    return held.get();
  }

  /** Returns every request received so far, in arrival order, hanging or not. */
  public List<ReceivedPost> received() {
    return new ArrayList<>(received);
  }

  /** Returns the requests to a path received so far. */
  public List<ReceivedPost> received(String path) {
    return received.stream().filter(post -> post.path().equals(path)).toList();
  }

  /**
   * Waits until {@code count} requests match the condition, polling every 50 ms.
   *
   * @return the matching requests; fewer than {@code count} when the timeout passed first
   */
  public List<ReceivedPost> await(Predicate<ReceivedPost> condition, int count, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<ReceivedPost> matching = matching(condition);
    while (matching.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(50);
      matching = matching(condition);
    }
    return matching;
  }

  private List<ReceivedPost> matching(Predicate<ReceivedPost> condition) {
    return received.stream().filter(condition).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      received.add(new ReceivedPost(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
          headers(exchange), new String(body, StandardCharsets.UTF_8)));
      CountDownLatch latch = hang.get();
      if (latch != null) {
        held.incrementAndGet();
        try {
          latch.await(MAX_HANG.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        } finally {
          held.decrementAndGet();
        }
      }
      byte[] reply = "ok".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain");
      exchange.sendResponseHeaders(200, reply.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(reply);
      }
    }
  }

  private static Map<String, List<String>> headers(HttpExchange exchange) {
    Map<String, List<String>> headers = new TreeMap<>();
    exchange.getRequestHeaders().forEach((name, values) ->
        headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
    return headers;
  }

  @Override
  public void close() {
    hang(false);
    server.stop(0);
    threads.shutdownNow();
  }
}
