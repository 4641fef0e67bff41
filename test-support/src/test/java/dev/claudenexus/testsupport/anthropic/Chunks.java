package dev.claudenexus.testsupport.anthropic;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Decodes chunked transfer coding in tests, tolerating a body cut off before the final chunk. */
final class Chunks {

  private Chunks() {
  }

  /** Returns the data of every complete chunk, stopping at the final chunk or the end of input. */
  static byte[] decode(byte[] body) {
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    int position = 0;
    while (position < body.length) {
      int lineEnd = indexOfCrlf(body, position);
      int size = Integer.parseInt(new String(body, position, lineEnd - position, StandardCharsets.ISO_8859_1), 16);
      if (size == 0) {
        break;
      }
      data.write(body, lineEnd + 2, size);
      position = lineEnd + 2 + size + 2;
    }
    return data.toByteArray();
  }

  /** Returns the bytes after the first blank line of a raw response. */
  static byte[] afterHead(byte[] response) {
    for (int i = 3; i < response.length; i++) {
      if (response[i - 3] == '\r' && response[i - 2] == '\n' && response[i - 1] == '\r' && response[i] == '\n') {
        return Arrays.copyOfRange(response, i + 1, response.length);
      }
    }
    throw new IllegalArgumentException("No blank line after the response head");
  }

  private static int indexOfCrlf(byte[] bytes, int from) {
    for (int i = from; i + 1 < bytes.length; i++) {
      if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
        return i;
      }
    }
    throw new IllegalArgumentException("No CRLF after offset " + from);
  }
}
