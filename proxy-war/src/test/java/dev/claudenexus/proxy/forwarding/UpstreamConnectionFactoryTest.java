package dev.claudenexus.proxy.forwarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.claudenexus.proxy.forwarding.UpstreamConnectionFactory.BufferAwareBody;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.apache.hc.core5.http.impl.io.ChunkedInputStream;
import org.apache.hc.core5.http.impl.io.ContentLengthInputStream;
import org.apache.hc.core5.http.impl.io.SessionInputBufferImpl;
import org.junit.jupiter.api.Test;

class UpstreamConnectionFactoryTest {

  private static final String EVENT = "event: ping\ndata: {\"type\":\"ping\"}\n\n";
  private static final String LONG_EVENT = "event: content_block_delta\ndata: {\"type\":\"content_block_delta\","
      + "\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hello\"}}\n\n";

  /**
   * A socket stream that returns one arrival per read and fails instead of waiting when none is
   * left, so a read that would wait for the network shows.
   */
  private static final class Arrivals extends InputStream {
    private final Deque<byte[]> pending;

    Arrivals(List<String> arrivals) {
      pending = new ArrayDeque<>();
      arrivals.forEach(text -> pending.add(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public int read() {
      throw new AssertionError("single-byte reads are not expected");
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      byte[] next = pending.poll();
      if (next == null) {
        throw new WouldWaitException();
      }
      if (next.length > length) {
        throw new AssertionError("an arrival larger than the read: " + next.length + " > " + length);
      }
      System.arraycopy(next, 0, buffer, offset, next.length);
      return next.length;
    }
  }

  /** Raised when a read would have waited for more bytes from the network. */
  private static final class WouldWaitException extends IOException {
    private static final long serialVersionUID = 1L;
  }

  private static String chunk(String data) {
    return Integer.toHexString(data.getBytes(StandardCharsets.UTF_8).length) + "\r\n" + data + "\r\n";
  }

  private static BufferAwareBody chunkedBody(List<String> arrivals) {
    SessionInputBufferImpl buffer = new SessionInputBufferImpl(UpstreamConnectionFactory.BUFFER_BYTES);
    Arrivals socket = new Arrivals(arrivals);
    return new BufferAwareBody(new ChunkedInputStream(buffer, socket), buffer);
  }

  private static String readOnce(InputStream body) throws IOException {
    byte[] scratch = new byte[16 * 1024];
    int count = body.read(scratch);
    return new String(scratch, 0, count, StandardCharsets.UTF_8);
  }

  @Test
  void nextChunkAlreadyArrivedIsAvailable() throws IOException {
    BufferAwareBody body = chunkedBody(List.of(chunk(EVENT) + chunk(LONG_EVENT)));

    assertEquals(EVENT, readOnce(body));
    assertTrue(body.available() > 0);
    assertEquals(LONG_EVENT, readOnce(body));
  }

  @Test
  void chunkEndWithNothingMoreIsNotAvailable() throws IOException {
    BufferAwareBody body = chunkedBody(List.of(chunk(EVENT)));

    assertEquals(EVENT, readOnce(body));
    assertEquals(0, body.available());
    assertThrows(WouldWaitException.class, () -> readOnce(body));
  }

  @Test
  void partialNextChunkSizeLineIsNotAvailable() throws IOException {
    BufferAwareBody body = chunkedBody(List.of(chunk(EVENT) + "7e"));

    assertEquals(EVENT, readOnce(body));
    assertEquals(0, body.available());
  }

  @Test
  void nextChunkWithoutDataIsNotAvailable() throws IOException {
    String sizeLineWithExtension = "7e;" + "x".repeat(57) + "\r\n";
    BufferAwareBody body = chunkedBody(List.of(chunk(EVENT) + sizeLineWithExtension));

    assertEquals(EVENT, readOnce(body));
    assertEquals(0, body.available());
  }

  @Test
  void shortNextChunkIsNotAvailable() throws IOException {
    BufferAwareBody body = chunkedBody(List.of(chunk(EVENT) + chunk("x"), "0\r\n\r\n"));

    assertEquals(EVENT, readOnce(body));
    assertEquals(0, body.available());
    assertEquals("x", readOnce(body));
  }

  @Test
  void longChunkRestIsAvailable() throws IOException {
    BufferAwareBody body = chunkedBody(List.of(chunk(LONG_EVENT)));
    byte[] scratch = new byte[10];

    assertEquals(10, body.read(scratch));
    assertEquals(LONG_EVENT.length() - 10, body.available());
  }

  @Test
  void lastChunkEndsTheBodyWithoutWaiting() throws IOException {
    BufferAwareBody body = chunkedBody(List.of(chunk(LONG_EVENT) + "0\r\n\r\n"));

    assertEquals(LONG_EVENT, readOnce(body));
    assertEquals(-1, body.read(new byte[16]));
    assertEquals(0, body.available());
  }

  @Test
  void lengthDelimitedBodyEndsWithoutWaiting() throws IOException {
    SessionInputBufferImpl buffer = new SessionInputBufferImpl(UpstreamConnectionFactory.BUFFER_BYTES);
    String next = "HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n" + "x".repeat(100);
    Arrivals socket = new Arrivals(List.of(EVENT + next));
    BufferAwareBody body = new BufferAwareBody(
        new ContentLengthInputStream(buffer, socket, EVENT.length()), buffer);

    assertEquals(EVENT, readOnce(body));
    assertEquals(-1, body.read(new byte[16]));
  }
}
