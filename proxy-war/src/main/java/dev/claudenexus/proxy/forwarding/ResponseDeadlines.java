package dev.claudenexus.proxy.forwarding;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.io.ModalCloseable;

/**
 * Bounds each attempt's wait for response headers, writing the request included. A socket timeout
 * bounds each read, but a write to an upstream that stops reading the request body blocks until the
 * connection breaks. One thread checks the attempts in progress a few times per timeout and closes
 * the connection of an attempt whose time is up, so its blocked write or read fails at once.
 */
final class ResponseDeadlines implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ResponseDeadlines.class.getName());
  private static final long MIN_CHECK_MILLIS = 10;
  private static final long MAX_CHECK_MILLIS = 1_000;

  private final long timeoutNanos;
  private final long checkMillis;
  private final Set<Attempt> attempts = ConcurrentHashMap.newKeySet();
  private final Thread checker;
  private volatile boolean running = true;

  ResponseDeadlines(Duration timeout, ThreadFactory threads) {
    this.timeoutNanos = timeout.toNanos();
    this.checkMillis = Math.max(MIN_CHECK_MILLIS, Math.min(MAX_CHECK_MILLIS, timeout.toMillis() / 10));
    checker = threads.newThread(this::check);
    checker.setName("nexus-upstream-deadlines");
    checker.setDaemon(true);
    checker.start();
  }

  /** Starts the clock of an attempt that sends its request on {@code connection}. */
  Attempt start(ModalCloseable connection) {
    Attempt attempt = new Attempt(connection, System.nanoTime() + timeoutNanos);
    attempts.add(attempt);
    return attempt;
  }

  @Override
  public void close() {
    running = false;
    checker.interrupt();
  }

  private void check() {
    while (running) {
      try {
        Thread.sleep(checkMillis);
      } catch (InterruptedException e) {
        if (running) {
          // Without this thread, blocked request writes would hang again.
          LOG.warning("The upstream deadline thread was interrupted; it goes on");
        }
        continue;
      }
      long now = System.nanoTime();
      for (Attempt attempt : attempts) {
        if (now - attempt.deadline >= 0) {
          attempt.expire();
        }
      }
    }
  }

  /** The clock of one attempt, which {@link #finish} stops. */
  final class Attempt {
    private static final int RUNNING = 0;
    private static final int FINISHED = 1;
    private static final int EXPIRED = 2;

    private final ModalCloseable connection;
    private final long deadline;
    private final AtomicInteger state = new AtomicInteger(RUNNING);

    private Attempt(ModalCloseable connection, long deadline) {
      this.connection = connection;
      this.deadline = deadline;
    }

    /**
     * Stops the clock and returns whether the attempt finished in time. When it returns false, the
     * connection is closed and the caller reports a timeout, even if the headers arrived meanwhile.
     */
    boolean finish() {
      attempts.remove(this);
      return state.compareAndSet(RUNNING, FINISHED);
    }

    private void expire() {
      attempts.remove(this);
      if (state.compareAndSet(RUNNING, EXPIRED)) {
        try {
          connection.close(CloseMode.IMMEDIATE);
        } catch (RuntimeException | LinkageError e) {
          LOG.log(Level.WARNING, "Closing an upstream connection after its deadline failed", e);
        }
      }
    }
  }
}
