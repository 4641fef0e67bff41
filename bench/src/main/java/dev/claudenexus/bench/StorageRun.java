package dev.claudenexus.bench;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * A closed-loop run through a proxy with storage on, followed by a check that every request of the
 * run reached {@code api_requests}. While the run goes on, a second thread polls {@code /health}
 * every 250 ms for the storage writer's queue length and journal size. The proxy's CPU time covers
 * the run and the wait for its rows.
 */
final class StorageRun {

  private static final Logger LOG = Logger.getLogger(StorageRun.class.getName());
  /** The row count may stand still this long before the check gives up waiting for more rows. */
  private static final Duration QUIET = Duration.ofSeconds(15);
  private static final Duration STORE_LIMIT = Duration.ofMinutes(3);

  /**
   * Result of one run.
   *
   * @param load the HTTP side of the run
   * @param rowsBefore rows in {@code api_requests} before the run
   * @param rowsExpected rows that should exist after it: every request ever sent to this proxy,
   *     plus any synthetic rows
   * @param rowsAfter rows counted after waiting
   * @param storedMillis time from the start of the run until the last expected row was counted,
   *     or until the wait gave up
   * @param maxQueued most records waiting in the storage writer's queue at one poll
   * @param maxJournalBytes largest size of the storage journal at one poll
   * @param databaseCpuMillis CPU time of the PostgreSQL server processes of this database over the same
   *     span as the proxy's, or -1 for H2, whose work counts in the proxy's CPU time
   */
  record Result(LoadResult load, long rowsBefore, long rowsExpected, long rowsAfter, long storedMillis,
      long maxQueued, long maxJournalBytes, long databaseCpuMillis) {

    boolean allStored() {
      return rowsAfter >= rowsExpected;
    }

    /** Returns the database server's CPU time per stored row in microseconds, or -1 when not measured. */
    double databaseCpuMicrosPerRow() {
      long rows = rowsAfter - rowsBefore;
      return databaseCpuMillis < 0 || rows <= 0 ? -1 : databaseCpuMillis * 1000.0 / rows;
    }

    /** Returns rows added per second from the start of the run until the last one was stored. */
    double storedRowsPerSecond() {
      return (rowsAfter - rowsBefore) * 1000.0 / Math.max(1, storedMillis);
    }
  }

  private StorageRun() {
  }

  /**
   * Waits until the database has a row for every request sent to the proxy so far, plus {@code
   * extraRows}, so that a run does not pay for storing the records of the warm-ups and earlier runs,
   * 50 KB bodies among them.
   */
  static void awaitBacklog(ProxyProcess proxy, BenchDatabase database, long extraRows)
      throws SQLException, InterruptedException {
    long backlog = proxy.requestsSent() + extraRows;
    if (database.awaitRequestCount(backlog, QUIET, STORE_LIMIT) < backlog) {
      LOG.warning(() -> "The rows of the earlier requests were not all stored in " + database);
    }
  }

  /**
   * Sends the requests, then waits until the database has a row for each request sent to the proxy
   * so far, plus {@code extraRows}.
   */
  static Result run(ClosedLoop loop, ProxyProcess proxy, BenchDatabase database, RequestShape shape,
      int clients, int requests, Duration timeLimit, long extraRows)
      throws IOException, InterruptedException, SQLException {
    long rowsBefore = database.countRequests();
    AtomicLong maxQueued = new AtomicLong();
    AtomicLong maxJournal = new AtomicLong();
    Thread poller = new Thread(() -> pollHealth(proxy, maxQueued, maxJournal), "bench-health-poller");
    poller.setDaemon(true);
    long cpuBefore = proxy.cpuMillis();
    Map<Long, Long> databaseCpuBefore = database.backendCpuMillis();
    long start = System.nanoTime();
    poller.start();
    LoadResult load = loop.run(proxy.endpoint(), shape, clients, requests, timeLimit);
    proxy.countRequests(load.succeeded() + load.failed());
    long expected = proxy.requestsSent() + extraRows;
    long rowsAfter = database.awaitRequestCount(expected, QUIET, STORE_LIMIT);
    long storedMillis = (System.nanoTime() - start) / 1_000_000;
    load = load.withProxyCpuMillis(proxy.cpuMillis() - cpuBefore);
    long databaseCpu = database.vendor.equals("H2") ? -1
        : BenchDatabase.cpuMillisBetween(databaseCpuBefore, database.backendCpuMillis());
    poller.interrupt();
    poller.join(2000);
    if (rowsAfter < expected) {
      LOG.warning(() -> "Only " + rowsAfter + " of " + expected + " rows stored in " + database);
    }
    return new Result(load, rowsBefore, expected, rowsAfter, storedMillis, maxQueued.get(), maxJournal.get(),
        databaseCpu);
  }

  private static void pollHealth(ProxyProcess proxy, AtomicLong maxQueued, AtomicLong maxJournal) {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Map<String, Long> health = proxy.healthNumbers();
        maxQueued.accumulateAndGet(health.getOrDefault("queuedRecords", 0L), Math::max);
        maxJournal.accumulateAndGet(health.getOrDefault("journalBytes", 0L), Math::max);
        Thread.sleep(250);
      } catch (InterruptedException e) {
        return;
      } catch (IOException e) {
        LOG.fine(() -> "Health poll failed: " + e);
      }
    }
  }
}
