package dev.claudenexus.proxy.outbound;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A fixed number of worker threads behind a bounded queue. {@link #offer} never blocks: when the
 * queue is full the task is dropped, counted, and reported by a warning at most once per minute.
 * A task that throws is logged and does not stop its worker.
 */
public final class OutboundQueue implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(OutboundQueue.class.getName());

  private final String name;
  private final ThreadPoolExecutor executor;
  private final AtomicLong dropped = new AtomicLong();
  private final RateLimitedLog dropWarning = new RateLimitedLog(LOG, Duration.ofMinutes(1));

  /**
   * Creates the queue and its threads.
   *
   * @param name what the queue delivers, for thread names and log messages (such as "Slack")
   * @param threads number of worker threads, at least 1
   * @param capacity number of tasks that may wait, at least 1
   */
  public OutboundQueue(String name, int threads, int capacity, ThreadFactory threadFactory) {
    this.name = name;
    AtomicInteger sequence = new AtomicInteger();
    ThreadFactory named = task -> {
      Thread thread = threadFactory.newThread(task);
      thread.setName("nexus-" + name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-')
          + "-" + sequence.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
    int workers = Math.max(1, threads);
    executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(Math.max(1, capacity)), named, new ThreadPoolExecutor.AbortPolicy());
  }

  /** Queues the task and returns true, or drops it and returns false when the queue is full or closed. */
  public boolean offer(Runnable task) {
    try {
      executor.execute(() -> runLogged(task));
      return true;
    } catch (RejectedExecutionException e) {
      long count = dropped.incrementAndGet();
      dropWarning.warning("The " + name + " queue is full or closed; dropped " + count
          + " items since start");
      return false;
    }
  }

  /** Returns the number of tasks dropped since the queue was created. */
  public long droppedCount() {
    return dropped.get();
  }

  /** Returns the number of tasks waiting for a worker. */
  public int waitingCount() {
    return executor.getQueue().size();
  }

  private void runLogged(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "A " + name + " task failed", e);
    }
  }

  /** Stops the workers, waiting up to {@code grace} for queued work, then interrupting them. */
  public void close(Duration grace) {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(2));
  }
}
