package dev.claudenexus.testsupport.anthropic;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** Buffered reader of the bytes a client sends, with the line and length reads that HTTP/1.1 framing needs. */
final class WireInput {

  private final InputStream in;
  private final byte[] buffer = new byte[16 * 1024];
  private int position;
  private int limit;

  WireInput(InputStream in) {
    this.in = in;
  }

  /**
   * Reads one line ending in CRLF or a bare LF and returns it without the ending, decoded as ISO-8859-1.
   *
   * @return the line, or {@code null} when the stream ended before the first byte
   * @throws MalformedRequestException when the line exceeds {@code maxLength} bytes
   * @throws EOFException when the stream ends inside the line
   */
  String readLine(int maxLength) throws IOException {
    StringBuilder line = new StringBuilder();
    boolean any = false;
    while (true) {
      if (position == limit && fill() < 0) {
        if (!any) {
          return null;
        }
        throw new EOFException("Connection closed inside a line: " + line);
      }
      any = true;
      byte b = buffer[position++];
      if (b == '\n') {
        return stripCarriageReturn(line);
      }
      if (line.length() == maxLength) {
        throw new MalformedRequestException(431, "Line exceeds " + maxLength + " bytes");
      }
      line.append((char) (b & 0xff));
    }
  }

  /** Reads exactly {@code length} bytes. */
  byte[] readExactly(int length) throws IOException {
    byte[] bytes = new byte[length];
    int buffered = Math.min(length, limit - position);
    System.arraycopy(buffer, position, bytes, 0, buffered);
    position += buffered;
    int read = buffered;
    while (read < length) {
      int n = in.read(bytes, read, length - read);
      if (n < 0) {
        throw new EOFException("Connection closed after " + read + " of " + length + " body bytes");
      }
      read += n;
    }
    return bytes;
  }

  boolean hasBuffered() {
    return position < limit;
  }

  /**
   * Blocks until the client sends more bytes or closes, up to the socket's read timeout.
   *
   * @return whether the client closed its side of the connection
   * @throws java.net.SocketTimeoutException when the read timeout passed with no news
   */
  boolean awaitClientClose() throws IOException {
    if (hasBuffered()) {
      return false;
    }
    return fill() < 0;
  }

  private int fill() throws IOException {
    if (position == limit) {
      position = 0;
      limit = 0;
    }
    if (limit == buffer.length) {
      return 0;
    }
    int n = in.read(buffer, limit, buffer.length - limit);
    if (n > 0) {
      limit += n;
    }
    return n;
  }

  private static String stripCarriageReturn(StringBuilder line) {
    int length = line.length();
    if (length > 0 && line.charAt(length - 1) == '\r') {
      line.setLength(length - 1);
    }
    return line.toString();
  }
}
