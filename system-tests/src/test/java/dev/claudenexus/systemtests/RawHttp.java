package dev.claudenexus.systemtests;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * HTTP/1.1 requests written by hand, for a {@code Host} header that the JDK HTTP client does not let
 * a caller set, as when a load balancer forwards a request for a public domain, or for a path that it
 * would resolve first.
 */
final class RawHttp {

  private RawHttp() {}

  /** Sends {@code POST /v1/messages} and returns the whole response, head and body. */
  static String postMessages(int port, String host, String clientKey, String body) throws Exception {
    return send(port, "POST", "/v1/messages", host, Map.of("x-api-key", clientKey,
        "content-type", "application/json"), body);
  }

  /**
   * Sends a request with {@code path} exactly as given, which the JDK client would resolve or
   * reject, and returns the whole response, head and body. A null {@code body} sends none.
   */
  static String send(int port, String method, String path, String host, Map<String, String> headers,
      String body) throws Exception {
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
        .append("Host: ").append(host).append("\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    if (body != null) {
      head.append("content-length: ").append(bytes.length).append("\r\n");
    }
    head.append("connection: close\r\n\r\n");
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
      out.write(bytes);
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Returns the status code of a response returned by {@link #postMessages}. */
  static int status(String response) {
    return Integer.parseInt(response.substring(9, 12));
  }
}
