package dev.claudenexus.proxy.forwarding;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.io.ModalCloseable;

/**
 * An upstream response body that the request thread reads straight from the upstream connection,
 * so no other thread takes part in relaying it. {@link #close} returns the connection to the pool
 * when the body was read to its end and closes it otherwise, which aborts the upstream call.
 */
final class UpstreamBody implements AutoCloseable {

  private final ClassicHttpResponse response;
  private final Duration idleTimeout;
  private InputStream content;
  private boolean ended;
  private boolean closed;

  /** Raised when no data arrived within the body's read timeout. */
  static final class IdleTimeoutException extends IOException {
    private static final long serialVersionUID = 1L;

    IdleTimeoutException(Duration idle) {
      super("no data from the Anthropic API for " + idle.toMillis() + " ms");
    }
  }

  /**
   * Wraps a response whose connection already has its read timeout for the body.
   *
   * @param idleTimeout that read timeout, zero for none; only used in the error message
   */
  UpstreamBody(ClassicHttpResponse response, Duration idleTimeout) {
    this.response = response;
    this.idleTimeout = idleTimeout;
  }

  /**
   * Reads the next bytes that arrived, waiting for at least one.
   *
   * @return how many bytes were read into {@code buffer}, or -1 at the end of the body
   * @throws IdleTimeoutException when nothing arrived within the idle timeout
   * @throws IOException when the connection failed
   */
  int read(byte[] buffer) throws IOException {
    if (ended) {
      return -1;
    }
    if (content == null) {
      HttpEntity entity = response.getEntity();
      if (entity == null) {
        ended = true;
        return -1;
      }
      content = entity.getContent();
    }
    int count;
    try {
      count = content.read(buffer);
    } catch (SocketTimeoutException e) {
      throw new IdleTimeoutException(idleTimeout);
    }
    if (count < 0) {
      ended = true;
    }
    return count;
  }

  /**
   * Ends the exchange. After the whole body was read, the connection goes back to the pool.
   * Otherwise it is closed at once without reading the rest, so the upstream call is cancelled.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (ended) {
      try {
        response.close();
        return;
      } catch (IOException e) {
        // Falls through to closing the connection.
      }
    }
    if (response instanceof ModalCloseable modal) {
      modal.close(CloseMode.IMMEDIATE);
    } else {
      try {
        response.close();
      } catch (IOException ignored) {
        // The connection is gone either way.
      }
    }
  }
}
