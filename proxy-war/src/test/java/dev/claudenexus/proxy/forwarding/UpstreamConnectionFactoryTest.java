package dev.claudenexus.proxy.forwarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.claudenexus.proxy.forwarding.UpstreamConnectionFactory.WaitingRead;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.hc.core5.http.impl.io.ChunkedInputStream;
import org.apache.hc.core5.http.impl.io.ContentLengthInputStream;
import org.apache.hc.core5.http.impl.io.SessionInputBufferImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UpstreamConnectionFactoryTest {

  private static final String PING = "event: ping\ndata: {\"type\":\"ping\"}\n\n";
  private static final String DELTA = "event: content_block_delta\ndata: {\"type\":\"content_block_delta\","
      + "\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hello\"}}\n\n";
  private static final String STOP = "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
  private static final String LAST_CHUNK = "0\r\n\r\n";

  /** What the relay had read from the body at each flush. */
  private final List<String> readAtFlush = new ArrayList<>();
  private final StringBuilder read = new StringBuilder();
  private boolean flushRegistered;

  /** One piece of bytes from the network, which either is in the socket already or comes later. */
  private record Arrival(String text, boolean arrived) {}

  /**
   * A socket stream that returns one arrival per read and reports only arrived ones available. With
   * a flush registered, serving a later arrival fails unless everything read so far was flushed.
   */
  private final class Arrivals extends InputStream {
    private final Deque<Arrival> pending;

    Arrivals(List<Arrival> arrivals) {
      pending = new ArrayDeque<>(arrivals);
    }

    @Override
    public int available() {
      Arrival next = pending.peek();
      return next != null && next.arrived() ? next.text().length() : 0;
    }

    @Override
    public int read() {
      throw new AssertionError("single-byte reads are not expected");
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      Arrival next = pending.poll();
      if (next == null) {
        return -1;
      }
      if (!next.arrived() && flushRegistered) {
        String flushed = readAtFlush.isEmpty() ? null : readAtFlush.get(readAtFlush.size() - 1);
        assertEquals(read.toString(), flushed, "a read waited while relayed bytes were not flushed");
      }
      byte[] bytes = next.text().getBytes(StandardCharsets.US_ASCII);
      if (bytes.length > length) {
        throw new AssertionError("an arrival larger than the read: " + bytes.length + " > " + length);
      }
      System.arraycopy(bytes, 0, buffer, offset, bytes.length);
      return bytes.length;
    }
  }

  @AfterEach
  void stopFlushing() {
    UpstreamConnectionFactory.stopFlushingBeforeWaits();
  }

  private static String chunk(String data) {
    return Integer.toHexString(data.length()) + "\r\n" + data + "\r\n";
  }

  private static Arrival now(String text) {
    return new Arrival(text, true);
  }

  private static Arrival later(String text) {
    return new Arrival(text, false);
  }

  /** Reads a chunked body over the arrivals to its end, as the relay does, and returns it. */
  private String relay(List<Arrival> arrivals) throws IOException {
    SessionInputBufferImpl buffer = new SessionInputBufferImpl(UpstreamConnectionFactory.BUFFER_BYTES);
    return relay(new ChunkedInputStream(buffer, new WaitingRead(new Arrivals(arrivals))));
  }

  /** Reads {@code body} to its end, as the relay does, and returns it. */
  private String relay(InputStream body) throws IOException {
    byte[] scratch = new byte[16 * 1024];
    int count;
    while ((count = body.read(scratch)) >= 0) {
      read.append(new String(scratch, 0, count, StandardCharsets.US_ASCII));
    }
    return read.toString();
  }

  private void flushOnWait() {
    flushRegistered = true;
    UpstreamConnectionFactory.flushBeforeWaits(() -> readAtFlush.add(read.toString()));
  }

  @Test
  void eventsArrivedTogetherShareOneFlush() throws IOException {
    flushOnWait();

    String body = relay(List.of(now(chunk(PING) + chunk(DELTA) + chunk(STOP)), later(LAST_CHUNK)));

    assertEquals(PING + DELTA + STOP, body);
    assertEquals(List.of(PING + DELTA + STOP), readAtFlush);
  }

  @Test
  void eventsArrivingApartAreFlushedEach() throws IOException {
    flushOnWait();

    relay(List.of(now(chunk(PING)), later(chunk(DELTA)), later(chunk(STOP)), later(LAST_CHUNK)));

    assertEquals(List.of(PING, PING + DELTA, PING + DELTA + STOP), readAtFlush);
  }

  @Test
  void firstReadThatWaitsFlushesTheHead() throws IOException {
    flushOnWait();

    relay(List.of(later(chunk(PING) + LAST_CHUNK)));

    assertEquals(List.of(""), readAtFlush);
  }

  @Test
  void longSizeLineHoldsNoEvent() throws IOException {
    String sizeLine = Integer.toHexString(DELTA.length()) + ";" + "x".repeat(200) + "\r\n";
    flushOnWait();

    relay(List.of(now(chunk(PING) + sizeLine.substring(0, 150)),
        later(sizeLine.substring(150) + DELTA + "\r\n"), later(LAST_CHUNK)));

    assertEquals(List.of(PING, PING + DELTA), readAtFlush);
  }

  @Test
  void lateTrailersHoldNoEvent() throws IOException {
    flushOnWait();

    relay(List.of(now(chunk(STOP) + "0\r\nx-trailer: "), later("done\r\n\r\n")));

    assertEquals(List.of(STOP), readAtFlush);
  }

  @Test
  void lengthDelimitedEventsAreFlushedBeforeWaits() throws IOException {
    SessionInputBufferImpl buffer = new SessionInputBufferImpl(UpstreamConnectionFactory.BUFFER_BYTES);
    Arrivals socket = new Arrivals(List.of(now(PING + DELTA), later(STOP)));
    InputStream body = new ContentLengthInputStream(buffer, new WaitingRead(socket),
        PING.length() + DELTA.length() + STOP.length());
    flushOnWait();

    assertEquals(PING + DELTA + STOP, relay(body));
    assertEquals(List.of(PING + DELTA), readAtFlush);
  }

  @Test
  void failedFlushStopsTheRead() {
    SessionInputBufferImpl buffer = new SessionInputBufferImpl(UpstreamConnectionFactory.BUFFER_BYTES);
    Arrivals socket = new Arrivals(List.of(now(chunk(PING)), later(chunk(DELTA)), later(LAST_CHUNK)));
    InputStream body = new ChunkedInputStream(buffer, new WaitingRead(socket));
    UpstreamConnectionFactory.flushBeforeWaits(() -> {
      throw new IOException("the client disconnected");
    });

    IOException failure = assertThrows(IOException.class, () -> relay(body));

    assertEquals("the client disconnected", failure.getMessage());
    assertEquals(PING, read.toString());
    assertEquals(2, socket.pending.size());
  }

  @Test
  void withoutRegistrationNothingIsFlushed() throws IOException {
    relay(List.of(now(chunk(PING)), later(chunk(DELTA)), later(LAST_CHUNK)));

    assertEquals(List.of(), readAtFlush);
  }

  @Test
  void stoppedRegistrationFlushesNothing() throws IOException {
    flushOnWait();
    UpstreamConnectionFactory.stopFlushingBeforeWaits();
    flushRegistered = false;

    relay(List.of(now(chunk(PING)), later(chunk(DELTA)), later(LAST_CHUNK)));

    assertEquals(List.of(), readAtFlush);
  }
}
