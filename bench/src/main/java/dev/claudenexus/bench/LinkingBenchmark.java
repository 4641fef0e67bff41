package dev.claudenexus.bench;

import dev.claudenexus.conversation.HashMode;
import dev.claudenexus.storage.BatchInserter;
import dev.claudenexus.storage.Relinker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Measures what conversation linking costs the storage writer: records per second with 50 KB bodies
 * on an empty table and, on PostgreSQL, again after 1,000,000 synthetic rows, and the time to relink
 * every stored row. Runs in this JVM against the storage writer's own inserter, without a proxy.
 *
 * <pre>
 * bench/linking.sh [--records N] [--rows N] [--relink true|false] [--databases h2,postgresql]
 * </pre>
 */
public final class LinkingBenchmark {

  private static final int BATCH = 100;

  private LinkingBenchmark() {}

  public static void main(String[] args) throws Exception {
    LinkingOptions options = LinkingOptions.parse(args);
    Path root = Path.of(System.getProperty("nexus.root", ".")).toAbsolutePath().normalize();
    List<String> sections = new ArrayList<>();
    for (String database : options.databases()) {
      sections.add(database.equals("h2") ? runH2(root, options) : runPostgres(options));
    }
    Path output = root.resolve(options.output());
    Files.writeString(output, LinkingReport.render(options, sections));
    System.out.println("Wrote " + output);
  }

  private static String runH2(Path root, LinkingOptions options) throws Exception {
    Path directory = root.resolve("bench/target/linking-h2");
    deleteTree(directory);
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:file:" + directory.resolve("nexus") + ";DB_CLOSE_DELAY=-1");
    h2.setUser("nexus");
    h2.setPassword("nexus");
    StringBuilder section = new StringBuilder("### H2 (embedded file database)\n\n");
    section.append(writerRun(h2, directory, "empty table", options.records(), 0).row());
    if (options.h2Rows() > 0) {
      long rows = SyntheticSessions.fill(h2, false, options.h2Rows());
      section.append(writerRun(h2, directory, String.format(Locale.ROOT, "%,d rows", rows),
          options.records(), 1).row());
    }
    return section.toString();
  }

  private static String runPostgres(LinkingOptions options) throws Exception {
    String name = "nexus_bench_linking_" + UUID.randomUUID().toString().substring(0, 8);
    String admin = "jdbc:postgresql://" + options.pgHost() + ":" + options.pgPort() + "/postgres";
    try (Connection connection = DriverManager.getConnection(admin, options.pgUser(), null);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    }
    try {
      PGSimpleDataSource pg = new PGSimpleDataSource();
      pg.setURL("jdbc:postgresql://" + options.pgHost() + ":" + options.pgPort() + "/" + name);
      pg.setUser(options.pgUser());
      pg.setStringType("unspecified");
      Path journal = Files.createTempDirectory("nexus-linking-journal");
      StringBuilder section = new StringBuilder("### PostgreSQL\n\n");
      section.append(writerRun(pg, journal, "empty table", options.records(), 0).row());
      if (options.rows() > 0) {
        long rows = SyntheticSessions.fill(pg, true, options.rows());
        section.append(writerRun(pg, journal, String.format(Locale.ROOT, "%,d rows", rows),
            options.records(), 1).row());
      }
      if (options.relink()) {
        section.append(relinkRun(pg, options.relinkBudget()));
      }
      return section.toString();
    } finally {
      try (Connection connection = DriverManager.getConnection(admin, options.pgUser(), null);
          Statement statement = connection.createStatement()) {
        statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    }
  }

  /** Result of one writer run. */
  record WriterResult(String table, int records, long nanos, long linked) {

    String row() {
      double seconds = nanos / 1e9;
      return String.format(Locale.ROOT, "| writer, 50 KB bodies, %s | %,d records | %.1f s | %,.0f records/s"
          + " | %,d of %,d linked to a parent |%n", table, records, seconds, records / seconds, linked,
          records);
    }
  }

  /**
   * Writes {@code records} requests of interleaved sessions with a new inserter (empty memory, so
   * every lookup goes to the database) and returns the rate.
   */
  private static WriterResult writerRun(DataSource dataSource, Path journal, String table, int records,
      int generation) throws SQLException {
    BatchInserter inserter = BatchInserter.create(
        () -> dataSource, journal.resolve("journal-" + generation), HashMode.CURRENT);
    List<dev.claudenexus.storage.RequestRecord> all =
        LargeSessions.records(records, "gen" + generation);
    inserter.insert(all.subList(0, 1));
    long start = System.nanoTime();
    for (int i = 1; i < all.size(); i += BATCH) {
      if (!inserter.insert(all.subList(i, Math.min(all.size(), i + BATCH)))) {
        throw new IllegalStateException("The database rejected a batch; see the log");
      }
    }
    long nanos = System.nanoTime() - start;
    return new WriterResult(table, records - 1, nanos, countLinked(dataSource, "gen" + generation));
  }

  private static long countLinked(DataSource dataSource, String marker) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM api_requests WHERE domain LIKE '"
            + marker + "-%' AND parent_request_id IS NOT NULL")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Thrown by the progress callback to stop a relink when its time budget is spent. */
  private static final class BudgetSpent extends RuntimeException {
    BudgetSpent() {
      super("time budget spent", null, false, false);
    }
  }

  /**
   * Relinks every row, or as many as fit in the budget. A stopped relink has done the same work per
   * row as a full one, so its rate projects the time for all rows.
   */
  private static String relinkRun(DataSource dataSource, java.time.Duration budget)
      throws SQLException {
    long start = System.nanoTime();
    long[] progress = new long[2];
    try {
      new Relinker(dataSource).run(new Relinker.Options(HashMode.CURRENT, null, null, 500),
          (done, total) -> {
            progress[0] = done;
            progress[1] = total;
            if (done % 50_000 < 500) {
              System.err.printf(Locale.ROOT, "relinked %,d of %,d%n", done, total);
            }
            if (done < total && System.nanoTime() - start > budget.toNanos()) {
              throw new BudgetSpent();
            }
          });
    } catch (BudgetSpent stopped) {
      // The rate so far is the result.
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double rate = progress[0] / seconds;
    String projection = progress[0] >= progress[1] ? "all rows"
        : String.format(Locale.ROOT, "stopped after the %d s budget; all %,d rows would take about"
            + " %.0f min at this rate", budget.toSeconds(), progress[1], progress[1] / rate / 60);
    return String.format(Locale.ROOT,
        "| relink, batches of 500 | %,d of %,d rows | %.0f s | %,.0f rows/s | %s |%n", progress[0],
        progress[1], seconds, rate, projection);
  }

  private static void deleteTree(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (var paths = Files.walk(directory)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
