package dev.claudenexus.analysis.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.claudenexus.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class BatchTablesLockTest {

  @Test
  void postgresRunsOneActionAtATime() throws Exception {
    try (TestDatabase database = TestDatabase.postgres("batchlock_")) {
      AtomicInteger running = new AtomicInteger();
      AtomicInteger maxConcurrent = new AtomicInteger();
      ExecutorService instances = Executors.newFixedThreadPool(4);
      try {
        List<Future<?>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          runs.add(instances.submit(() -> BatchTablesLock.run(database.dataSource(), () -> {
            maxConcurrent.accumulateAndGet(running.incrementAndGet(), Math::max);
            sleep(150);
            running.decrementAndGet();
          })));
        }
        for (Future<?> run : runs) {
          run.get(30, TimeUnit.SECONDS);
        }
      } finally {
        instances.shutdownNow();
      }

      assertEquals(1, maxConcurrent.get());
      assertEquals(0, heldLocks(database.dataSource()));
    }
  }

  @Test
  void h2RunsActionWithoutLock() throws Exception {
    try (TestDatabase database = TestDatabase.h2()) {
      AtomicInteger runs = new AtomicInteger();

      BatchTablesLock.run(database.dataSource(), runs::incrementAndGet);

      assertEquals(1, runs.get());
    }
  }

  @Test
  void failingActionReleasesLock() throws Exception {
    try (TestDatabase database = TestDatabase.postgres("batchlock_")) {
      assertThrows(IllegalStateException.class, () -> BatchTablesLock.run(database.dataSource(), () -> {
        throw new IllegalStateException("batch runtime failed");
      }));

      assertEquals(0, heldLocks(database.dataSource()));
    }
  }

  /** Counts advisory locks on the key; PostgreSQL shows a bigint key as two 32-bit halves. */
  private static int heldLocks(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
            + " AND objid = " + (BatchTablesLock.LOCK_KEY & 0xFFFFFFFFL))) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
