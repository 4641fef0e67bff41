package dev.claudenexus.proxy.forwarding;

import java.io.FilterInputStream;
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
 *   <li>Their read and write buffers are {@value #BUFFER_BYTES} bytes, not 32 KiB. The JDK copies
 *       each socket read and write through a temporary native buffer and keeps it per thread only
 *       up to {@code jdk.nio.maxCachedBufferSize}, which the launcher sets to 16 KiB, so a larger
 *       read allocated and cleared a new native buffer for every response.
 *   <li>A response body's {@link InputStream#available} also counts a complete next chunk that is
 *       already in the connection's buffer. The chunked decoder stops each read at the end of a
 *       chunk and reports nothing available there, so the relay could not tell that more events
 *       had arrived and flushed after each one.
 * </ul>
 */
final class UpstreamConnectionFactory implements HttpConnectionFactory<ManagedHttpClientConnection> {

  /** The size of each connection's read and write buffer. */
  static final int BUFFER_BYTES = 16 * 1024;

  /**
   * Buffered bytes after the end of a chunk that contain at least one byte of the next chunk: its
   * leading CRLF, a chunk-size line of up to 61 characters with its CRLF, and one data byte. With
   * fewer, the next read might wait for the network, so the body reports nothing available.
   */
  static final int MIN_BUFFERED_NEXT_CHUNK = 2 + 63 + 1;

  private static final AtomicLong COUNTER = new AtomicLong();
  private static final Http1Config HTTP1 = Http1Config.custom().setBufferSize(BUFFER_BYTES).build();

  @Override
  public ManagedHttpClientConnection createConnection(Socket socket) throws IOException {
    Connection connection = new Connection("nexus-upstream-" + COUNTER.getAndIncrement());
    if (socket != null) {
      connection.bind(socket);
    }
    return connection;
  }

  /** A pooled upstream connection whose response bodies report buffered next chunks. */
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
      return new BufferAwareBody(super.createContentInputStream(length, buffer, socketStream), buffer);
    }
  }

  /** A response body that also reports a next chunk waiting in the connection's buffer. */
  static final class BufferAwareBody extends FilterInputStream {

    private final SessionInputBuffer buffer;

    BufferAwareBody(InputStream decoded, SessionInputBuffer buffer) {
      super(decoded);
      this.buffer = buffer;
    }

    /**
     * Returns the decoder's count of bytes it can return without waiting, or 1 when it has none but
     * the connection's buffer contains at least {@value #MIN_BUFFERED_NEXT_CHUNK} more bytes.
     */
    @Override
    public int available() throws IOException {
      int decoded = in.available();
      if (decoded > 0) {
        return decoded;
      }
      return buffer.length() >= MIN_BUFFERED_NEXT_CHUNK ? 1 : 0;
    }
  }
}
