package dev.claudenexus.systemtests;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loopback fake of the OAuth token endpoint: each refresh returns {@code access-N} and a rotated
 * {@code refresh-N}, valid for eight hours, and the request bodies are kept for assertions. A refresh
 * token that starts with {@code revoked-} is rejected with {@code invalid_grant}.
 */
final class FakeTokenEndpoint implements AutoCloseable {

  private final HttpServer server;
  final List<String> requests = new CopyOnWriteArrayList<>();
  final AtomicInteger refreshes = new AtomicInteger();

  private FakeTokenEndpoint(HttpServer server) {
    this.server = server;
  }

  static FakeTokenEndpoint start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    FakeTokenEndpoint endpoint = new FakeTokenEndpoint(server);
    server.createContext("/v1/oauth/token", exchange -> {
      String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      endpoint.requests.add(request);
      if (request.contains("\"refresh_token\":\"revoked-")) {
        byte[] rejected = "{\"error\":\"invalid_grant\",\"error_description\":\"Refresh token revoked\"}"
            .getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(400, rejected.length);
        exchange.getResponseBody().write(rejected);
        exchange.close();
        return;
      }
      int n = endpoint.refreshes.incrementAndGet();
      byte[] body = ("{\"access_token\":\"access-" + n + "\",\"refresh_token\":\"refresh-" + n
          + "\",\"expires_in\":28800,\"scope\":\"user:inference user:profile\"}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("content-type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
    return endpoint;
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/oauth/token";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
