package dev.claudenexus.proxy.forwarding;

import java.io.FilterInputStream;
import java.io.Flushable;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.client5.http.impl.io.DefaultHttpResponseParserFactory;
import org.apache.hc.client5.http.impl.io.DefaultManagedHttpClientConnection;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.DefaultContentLengthStrategy;
import org.apache.hc.core5.http.impl.io.DefaultHttpRequestWriterFactory;
import org.apache.hc.core5.http.impl.io.NoResponseOutOfOrderStrategy;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.http.io.SessionInputBuffer;

/**
 * Creates the upstream HTTP/1.1 connections. They differ from the Apache client's default ones in
 * two ways:
 *
 * <ul>
 *   <li>A response body reads the socket through {@link WaitingRead}, which flushes the output that
 *       {@link #flushBeforeWaits} registered for the reading thread before a read that would
 *       wait for the network. The relay of a stream flushes that way, so events that arrived
 *       together leave in one write and none waits for more data. The chunked decoder stops each
 *       read at the end of a chunk, so the relay itself cannot tell whether more has arrived.
 *       NOTE: over TLS, {@code available()} counts only bytes already decrypted, so events that
 *       arrived together may still leave in separate writes. None is held back.
 *   <li>Their read and write buffers are {@value #BUFFER_BYTES} bytes, not 32 KiB. The JDK copies
 *       each plain socket read and write through a temporary native buffer and keeps it per thread
 *       only up to {@code jdk.nio.maxCachedBufferSize}, which the launcher sets to 16 KiB. With a
 *       plain-HTTP upstream, a larger buffer allocated and cleared a native buffer per response.
 * </ul>
 */
final class UpstreamConnectionFactory implements HttpConnectionFactory<ManagedHttpClientConnection> {

  /** The size of each connection's read and write buffer. */
  static final int BUFFER_BYTES = 16 * 1024;

  private static final AtomicLong COUNTER = new AtomicLong();
  private static final Http1Config HTTP1 = Http1Config.custom().setBufferSize(BUFFER_BYTES).build();
  private static final ThreadLocal<Flushable> PENDING_OUTPUT = new ThreadLocal<>();

  @Override
  public ManagedHttpClientConnection createConnection(Socket socket) throws IOException {
    Connection connection = new Connection("nexus-upstream-" + COUNTER.getAndIncrement());
    if (socket != null) {
      connection.bind(socket);
    }
    return connection;
  }

  /**
   * Makes every response body read of this thread flush {@code output} before it waits for the
   * network, until {@link #stopFlushingBeforeWaits} is called.
   */
  static void flushBeforeWaits(Flushable output) {
    PENDING_OUTPUT.set(output);
  }

  /** Ends what {@link #flushBeforeWaits} started for this thread. */
  static void stopFlushingBeforeWaits() {
    PENDING_OUTPUT.remove();
  }

  /** A pooled upstream connection whose response bodies read the socket through {@link WaitingRead}. */
  private static final class Connection extends DefaultManagedHttpClientConnection {

    /** Creates a connection with the Apache client's default parser, writer and strategies. */
    Connection(String id) {
      super(id, null, null, HTTP1, DefaultContentLengthStrategy.INSTANCE,
          DefaultContentLengthStrategy.INSTANCE, NoResponseOutOfOrderStrategy.INSTANCE,
          new DefaultHttpRequestWriterFactory(HTTP1), new DefaultHttpResponseParserFactory(HTTP1));
    }

    @Override
    protected InputStream createContentInputStream(long length, SessionInputBuffer buffer,
        InputStream socketStream) {
      return super.createContentInputStream(length, buffer, new WaitingRead(socketStream));
    }
  }

  /**
   * A socket stream that flushes the reading thread's registered output before a read that would
   * wait: one for which the socket has no bytes available.
   */
  static final class WaitingRead extends FilterInputStream {

    WaitingRead(InputStream socketStream) {
      super(socketStream);
    }

    @Override
    public int read() throws IOException {
      flushIfWaiting();
      return in.read();
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
      flushIfWaiting();
      return in.read(bytes, offset, length);
    }

    private void flushIfWaiting() throws IOException {
      Flushable output = PENDING_OUTPUT.get();
      if (output != null && in.available() == 0) {
        output.flush();
      }
    }
  }
}
