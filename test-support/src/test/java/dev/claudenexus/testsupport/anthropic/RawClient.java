package dev.claudenexus.testsupport.anthropic;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Plain socket client for tests that must see or send the exact bytes on the connection. */
final class RawClient implements AutoCloseable {

  private static final int READ_TIMEOUT_MILLIS = 10_000;

  private final Socket socket;
  private final InputStream in;

  private RawClient(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
  }

  static RawClient connect(int port) throws IOException {
    Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port);
    socket.setSoTimeout(READ_TIMEOUT_MILLIS);
    socket.setTcpNoDelay(true);
    return new RawClient(socket);
  }

  void send(String text) throws IOException {
    socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
    socket.getOutputStream().flush();
  }

  /** Sends a POST to /v1/messages with a Content-Length body. */
  void sendPost(String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    send("POST /v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + body.length + "\r\n\r\n");
    socket.getOutputStream().write(body);
  }

  /** Reads the status line and header fields up to and including the blank line. */
  String readHead() throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("Connection closed inside the response head: " + head);
      }
      head.write(b);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  byte[] readExactly(int length) throws IOException {
    byte[] bytes = in.readNBytes(length);
    if (bytes.length < length) {
      throw new EOFException("Connection closed after " + bytes.length + " of " + length + " bytes");
    }
    return bytes;
  }

  /** Reads until the server closes the connection. */
  byte[] readToEnd() throws IOException {
    return in.readAllBytes();
  }

  /** Reads a Content-Length response and returns its body as UTF-8 text. */
  String readBodyOf(String head) throws IOException {
    int start = head.toLowerCase().indexOf("content-length: ") + "content-length: ".length();
    int length = Integer.parseInt(head.substring(start, head.indexOf("\r\n", start)));
    return new String(readExactly(length), StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
