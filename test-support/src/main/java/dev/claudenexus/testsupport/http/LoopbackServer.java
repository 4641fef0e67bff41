package dev.claudenexus.testsupport.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP server on 127.0.0.1 with an ephemeral port that passes every request to one handler and
 * records it. The base of the loopback fakes of JSON APIs.
 */
public final class LoopbackServer implements AutoCloseable {

  /** The largest request body read, in bytes. */
  public static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

  /** One request as received. */
  public record Request(String method, String rawPath, String query, String authorization, String body) {}

  /** A response: status and JSON body (or no body when {@code null}). */
  public record Reply(int status, String json) {}

  /** Produces the reply of a request. */
  @FunctionalInterface
  public interface Handler {
    Reply handle(Request request);
  }

  private final HttpServer server;
  private final ExecutorService threads;
  private final List<Request> received = new CopyOnWriteArrayList<>();

  private LoopbackServer(HttpServer server, ExecutorService threads) {
    this.server = server;
    this.threads = threads;
  }

  /** Starts a server whose replies come from the handler. */
  public static LoopbackServer start(String name, Handler handler) {
    try {
      HttpServer server = HttpServer.create(
          new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 32);
      ExecutorService threads = Executors.newFixedThreadPool(8, task -> {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
      });
      LoopbackServer loopback = new LoopbackServer(server, threads);
      server.createContext("/", exchange -> loopback.serve(exchange, handler));
      server.setExecutor(threads);
      server.start();
      return loopback;
    } catch (IOException e) {
      throw new UncheckedIOException("The loopback server " + name + " did not start", e);
    }
  }

  private void serve(HttpExchange exchange, Handler handler) throws IOException {
    try (exchange) {
      String body;
      try (InputStream in = exchange.getRequestBody()) {
        body = new String(in.readNBytes(MAX_BODY_BYTES), StandardCharsets.UTF_8);
      }
      Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
          exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst("Authorization"),
          body);
      received.add(request);
      Reply reply = handler.handle(request);
      byte[] bytes = reply.json() == null ? new byte[0] : reply.json().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  /** Returns the base URL, such as {@code http://127.0.0.1:43210}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Returns every request received so far, oldest first. */
  public List<Request> received() {
    return List.copyOf(received);
  }

  /** Forgets the requests received so far. */
  public void clearReceived() {
    received.clear();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
