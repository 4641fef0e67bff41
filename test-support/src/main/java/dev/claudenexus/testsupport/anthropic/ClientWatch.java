package dev.claudenexus.testsupport.anthropic;

import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits before a reply step while watching the connection, so a client that closes or resets it
 * during the wait is noticed at once rather than at the next write.
 *
 * <p>The wait blocks in a socket read with a timeout: a timeout means the client is still there, end
 * of stream means it closed its side, and a {@code SocketException} means it reset the connection.
 *
 * <p>NOTE: a client that half-closes its output after sending the request, while still reading,
 * is taken as gone too. The JDK {@code HttpClient} and the usual HTTP clients do not half-close.
 */
final class ClientWatch {

  /** Maximum duration of one read while waiting for a gate, so an opened gate is seen within this time. */
  private static final long GATE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private final Socket socket;
  private final WireInput input;

  ClientWatch(Socket socket, WireInput input) {
    this.socket = socket;
    this.input = input;
  }

  /**
   * Waits for the delay, then for the gate to open when it is not null.
   *
   * @throws EOFException when the client closed the connection during the wait
   * @throws IOException when the client reset the connection during the wait
   */
  void await(Duration delay, CountDownLatch gate) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + delay.toNanos();
    while (true) {
      long remaining = deadline - System.nanoTime();
      boolean gateOpen = gate == null || gate.getCount() == 0;
      if (remaining <= 0 && gateOpen) {
        return;
      }
      long slice = remaining;
      if (!gateOpen) {
        slice = remaining > 0 ? Math.min(remaining, GATE_POLL_NANOS) : GATE_POLL_NANOS;
      }
      watchFor(slice);
    }
  }

  private void watchFor(long nanos) throws IOException, InterruptedException {
    long millis = TimeUnit.NANOSECONDS.toMillis(nanos);
    if (millis < 1 || input.hasBuffered()) {
      // A zero socket timeout would block forever, and buffered bytes would end the read at once.
      sleep(nanos);
      return;
    }
    socket.setSoTimeout((int) Math.min(millis, Integer.MAX_VALUE));
    try {
      if (input.awaitClientClose()) {
        throw new EOFException("client closed the connection");
      }
    } catch (SocketTimeoutException stillOpen) {
      // The client neither sent nor closed anything during the slice.
    } finally {
      socket.setSoTimeout(0);
    }
  }

  private static void sleep(long nanos) throws InterruptedException {
    LockSupport.parkNanos(nanos);
    if (Thread.interrupted()) {
      throw new InterruptedException("Reply wait interrupted");
    }
  }
}
