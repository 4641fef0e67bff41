package dev.claudenexus.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.claudenexus.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Several processes that start on one empty PostgreSQL database together, played by threads that
 * skip the JVM-wide turn of {@link SchemaMigrator#migrate}, so only the database lock keeps them
 * apart. Each round uses a fresh database. Without the lock, a process that starts while another
 * creates Flyway's history table fails with "Unable to baseline schema history table". In one
 * check without the lock, that happened in one round of three.
 */
class SchemaMigratorConcurrencyTest {

  private static final int PROCESSES = 6;
  /** Delay between the starts of two processes, so later ones meet a migration under way. */
  private static final long STAGGER_MILLIS = 15;

  @RepeatedTest(5)
  void concurrentMigrationsApplyEachVersionOnce() throws Exception {
    try (TestDatabase database = TestDatabase.postgres("cluster_ut_")) {
      List<DatabaseVendor> vendors = migrateTogether(database);

      assertEquals(java.util.Collections.nCopies(PROCESSES, DatabaseVendor.POSTGRESQL), vendors);
      assertEquals(SchemaMigratorContract.VERSIONS, appliedVersions(database),
          "every version applied once, in order, with no baseline row");
      assertTrue(allSucceeded(database), "every history row is marked successful");
    }
  }

  /** Migrates from {@value #PROCESSES} threads started {@value #STAGGER_MILLIS} ms apart; rethrows a failure. */
  private static List<DatabaseVendor> migrateTogether(TestDatabase database) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(PROCESSES);
    try {
      CyclicBarrier start = new CyclicBarrier(PROCESSES);
      List<Future<DatabaseVendor>> results = new ArrayList<>();
      for (int i = 0; i < PROCESSES; i++) {
        long delay = i * STAGGER_MILLIS;
        results.add(threads.submit(() -> {
          start.await(10, TimeUnit.SECONDS);
          Thread.sleep(delay);
          return SchemaMigrator.migrateLocked(database.dataSource());
        }));
      }
      List<DatabaseVendor> vendors = new ArrayList<>();
      for (Future<DatabaseVendor> result : results) {
        vendors.add(result.get(2, TimeUnit.MINUTES));
      }
      return vendors;
    } finally {
      threads.shutdownNow();
    }
  }

  private static List<String> appliedVersions(TestDatabase database) throws SQLException {
    List<String> versions = new ArrayList<>();
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT version FROM flyway_schema_history ORDER BY installed_rank")) {
      while (rows.next()) {
        versions.add(rows.getString(1));
      }
    }
    return versions;
  }

  private static boolean allSucceeded(TestDatabase database) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT COUNT(*) FROM flyway_schema_history WHERE NOT success")) {
      rows.next();
      return rows.getLong(1) == 0;
    }
  }
}
