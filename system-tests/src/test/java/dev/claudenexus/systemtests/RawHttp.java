package dev.claudenexus.systemtests;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 requests written by hand, for a {@code Host} header that the JDK HTTP client does not let
 * a caller set, as when a load balancer forwards a request for a public domain.
 */
final class RawHttp {

  private RawHttp() {}

  /** Sends {@code POST /v1/messages} and returns the whole response, head and body. */
  static String postMessages(int port, String host, String clientKey, String body) throws Exception {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(20_000);
      String head = "POST /v1/messages HTTP/1.1\r\nHost: " + host + "\r\nx-api-key: " + clientKey
          + "\r\ncontent-type: application/json\r\nconnection: close\r\ncontent-length: " + bytes.length
          + "\r\n\r\n";
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
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
