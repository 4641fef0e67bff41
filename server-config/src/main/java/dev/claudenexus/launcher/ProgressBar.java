package dev.claudenexus.launcher;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

/**
 * A progress bar for long commands: redrawn in place on a terminal, one line every 10 seconds
 * otherwise, so a log file stays readable.
 */
final class ProgressBar {

  private static final int WIDTH = 30;
  private static final long LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final PrintStream out;
  private final boolean terminal;
  private final long started = System.nanoTime();
  private long lastLine;
  private boolean drawn;

  ProgressBar(PrintStream out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  void update(long done, long total) {
    long now = System.nanoTime();
    if (!terminal && drawn && now - lastLine < LOG_INTERVAL_NANOS && done < total) {
      return;
    }
    lastLine = now;
    drawn = true;
    out.print((terminal ? "\r" : "") + line(done, total, now - started) + (terminal ? "" : "\n"));
    out.flush();
  }

  void finish() {
    if (terminal && drawn) {
      out.println();
    }
  }

  static String line(long done, long total, long elapsedNanos) {
    double fraction = total <= 0 ? 1 : Math.min(1, (double) done / total);
    int filled = (int) Math.round(fraction * WIDTH);
    double seconds = Math.max(1e-3, elapsedNanos / 1e9);
    long rate = Math.round(done / seconds);
    String eta = rate == 0 || done >= total ? "" : ", about " + (total - done) / rate + " s left";
    return String.format("[%s%s] %3d%% %,d/%,d requests, %,d/s%s", "#".repeat(filled),
        ".".repeat(WIDTH - filled), Math.round(fraction * 100), done, total, rate, eta);
  }
}
