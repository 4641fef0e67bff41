package dev.claudenexus.testsupport.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.claudenexus.testsupport.anthropic.FakeAnthropicApi;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TcpFaultProxyTest {

  private static final String REQUEST =
      "POST /v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n\r\n{}";

  private FakeAnthropicApi api;
  private TcpFaultProxy proxy;

  @BeforeEach
  void startProxy() {
    api = FakeAnthropicApi.start();
    proxy = TcpFaultProxy.start(api.port());
  }

  @AfterEach
  void closeProxy() {
    proxy.close();
    api.close();
  }

  @Test
  void proxyForwardsHttpExchange() throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.port() + "/v1/messages"))
        .timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\"}"))
        .build();

    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

    assertEquals(200, response.statusCode());
    assertEquals("{\"model\":\"m\"}", api.takeRequest(Duration.ofSeconds(10)).bodyText());
  }

  @Test
  void refuseRejectsNewConnections() {
    proxy.refuse();

    assertTrue(proxy.isRefusing());
    assertThrows(ConnectException.class, () -> connect(proxy.port()).close());
  }

  @Test
  void refuseKillsOpenConnections() throws Exception {
    try (Socket socket = connect(proxy.port())) {
      exchange(socket);

      proxy.refuse();

      assertEquals(-1, readOrEndOnReset(socket.getInputStream()));
    }
  }

  @Test
  void restoreListensOnSamePort() throws Exception {
    int port = proxy.port();
    proxy.refuse();

    proxy.restore();

    try (Socket socket = connect(port)) {
      assertTrue(exchange(socket).startsWith("HTTP/1.1 200 OK\r\n"));
    }
    assertEquals(port, proxy.port());
  }

  @Test
  void restoreAfterRestoreIsHarmless() throws Exception {
    proxy.restore();

    try (Socket socket = connect(proxy.port())) {
      assertTrue(exchange(socket).startsWith("HTTP/1.1 200 OK\r\n"));
    }
  }

  private static Socket connect(int port) throws IOException {
    Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port);
    socket.setSoTimeout(10_000);
    return socket;
  }

  /** Sends one request and returns the response head and body it read. */
  private static String exchange(Socket socket) throws IOException {
    socket.getOutputStream().write(REQUEST.getBytes(StandardCharsets.ISO_8859_1));
    InputStream in = socket.getInputStream();
    StringBuilder response = new StringBuilder();
    while (!response.toString().endsWith("\"output_tokens\":5}}")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("Connection closed inside the response: " + response);
      }
      response.append((char) b);
    }
    return response.toString();
  }

  /** Reads one byte, treating a connection reset like end of stream, since both mean the link is gone. */
  private static int readOrEndOnReset(InputStream in) throws IOException {
    try {
      return in.read();
    } catch (java.net.SocketException e) {
      return -1;
    }
  }
}
