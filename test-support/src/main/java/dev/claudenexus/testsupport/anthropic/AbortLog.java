package dev.claudenexus.testsupport.anthropic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Thread-safe list of client aborts that a test can wait on. */
final class AbortLog {

  private final List<ClientAbort> aborts = new ArrayList<>();

  synchronized void add(ClientAbort abort) {
    aborts.add(abort);
    notifyAll();
  }

  synchronized List<ClientAbort> snapshot() {
    return List.copyOf(aborts);
  }

  synchronized List<ClientAbort> await(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (aborts.size() < count) {
      long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
      if (remainingMillis <= 0) {
        throw new AssertionError("Expected " + count + " client aborts within " + timeout + " but saw "
            + aborts.size() + ": " + aborts);
      }
      wait(remainingMillis);
    }
    return List.copyOf(aborts);
  }
}
