package dev.claudenexus.bench;

import dev.claudenexus.rollup.UsageRollups;
import dev.claudenexus.schema.DatabaseVendor;
import dev.claudenexus.schema.SchemaMigrator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Measures the read endpoints of {@code /api/*} on a PostgreSQL database of many stored requests: it
 * creates a fresh database, migrates it, fills it with {@link SyntheticRows}, runs
 * {@code VACUUM ANALYZE}, starts the dashboard (and the proxy) on it and times each endpoint variant of
 * {@link ApiVariants}. It writes its block of docs/benchmarks.md and drops the database.
 *
 * <pre>
 * bench/api.sh [--rows N] [--calls N] [--proxy-port true|false] [--database NAME] ... (--help lists all)
 * </pre>
 */
public final class ApiQueryBenchmark {

  private static final Logger LOG = Logger.getLogger(ApiQueryBenchmark.class.getName());

  private final ApiOptions options;
  private final Path root;
  private final Path work;
  private final ApiReport.Run run = new ApiReport.Run();
  /** Services and the database to close, newest first, also from the shutdown hook after Ctrl-C. */
  private final Deque<AutoCloseable> open = new ArrayDeque<>();

  private ApiQueryBenchmark(ApiOptions options, Path root) {
    this.options = options;
    this.root = root;
    this.work = root.resolve("bench/target/api");
  }

  public static void main(String[] args) throws Exception {
    if (List.of(args).contains("--help")) {
      System.out.print(ApiOptions.USAGE);
      return;
    }
    ApiOptions options = ApiOptions.parse(args);
    Path root = Path.of(System.getProperty("nexus.root", ".")).toAbsolutePath().normalize();
    if (!Files.isExecutable(root.resolve("bin/nexus"))) {
      throw new IllegalStateException("bin/nexus not found under " + root
          + ". Set -Dnexus.root to the repository root.");
    }
    ApiQueryBenchmark benchmark = new ApiQueryBenchmark(options, root);
    Thread hook = new Thread(benchmark::closeAll, "api-bench-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      benchmark.run();
    } finally {
      benchmark.closeAll();
      Runtime.getRuntime().removeShutdownHook(hook);
    }
  }

  private void run() throws Exception {
    run.command = options.commandLine();
    run.commit = MachineInfo.gitCommit(root);
    run.warmup = options.warmup();
    run.calls = options.calls();
    run.variantLimitSeconds = options.variantLimit().toSeconds();
    run.targetRows = options.rows();
    Files.createDirectories(work);

    BenchDatabase database = openDatabase();
    run.postgres = postgresDescription(database);
    ApiFixture fixture = prepareData(database);
    run.domainDepth = fixture.domainDepth();

    String key = "bench-" + UUID.randomUUID();
    Map<ApiVariant.Port, String> baseUrls = startServices(database, key);
    ApiCalls calls = new ApiCalls(baseUrls, key, new Random(options.seed()));
    List<ApiVariant> variants = ApiVariants.all(fixture, LocalDate.now(ZoneOffset.UTC),
        options.proxyPort());

    run.loadBefore = MachineInfo.loadAverage();
    long start = System.nanoTime();
    for (ApiVariant variant : variants) {
      ApiCalls.Result result =
          calls.measure(variant, options.warmup(), options.calls(), options.variantLimit());
      run.results.add(result);
      LOG.info(() -> String.format(java.util.Locale.ROOT, "%s %s (%s): p50 %.1f ms, p95 %.1f ms,"
          + " %d calls%s", variant.endpoint(), variant.parameters(), variant.port().label,
          result.percentileMillis(50), result.percentileMillis(95), result.calls(),
          result.failure() == null ? "" : ", failed: " + result.failure()));
    }
    run.measureSeconds = (System.nanoTime() - start) / 1_000_000_000;
    run.loadAfter = MachineInfo.loadAverage();

    closeAll();
    Path output = root.resolve(options.output());
    ApiReport.write(output, run);
    LOG.info(() -> "Wrote " + output);
  }

  /** Creates a fresh database, or opens the one named by --database, and migrates it. */
  private BenchDatabase openDatabase() throws SQLException {
    BenchDatabase database;
    if (options.database() != null) {
      database = BenchDatabase.existingPostgres(options.pgHost(), options.pgPort(), options.pgUser(),
          options.database());
      run.reusedDatabase = true;
    } else {
      database = BenchDatabase.freshPostgres(options.pgHost(), options.pgPort(), options.pgUser(),
          ApiOptions.DATABASE_PREFIX + "_");
      if (options.keepDatabase()) {
        LOG.info(() -> "Keeping the database " + database.name() + " after the run (--keep-database)");
      } else {
        open.push(database);
      }
    }
    SchemaMigrator.migrate(database.postgresDataSource());
    return database;
  }

  /**
   * Fills a fresh database, runs VACUUM ANALYZE and returns the values the calls pick from. The vacuum
   * keeps autovacuum from starting on the new rows during the calls. It also sets the visibility map,
   * which index-only scans read, as on a table that has been in use for a while.
   */
  private ApiFixture prepareData(BenchDatabase database) throws SQLException {
    if (!run.reusedDatabase) {
      LOG.info("Inserting synthetic rows");
      SyntheticRows.Fill fill = SyntheticRows.insert(database, options.rows(), options.rowsBatch(),
          options.rowsBudget());
      run.fillSeconds = fill.insertTime().toSeconds();
    }
    // The rows were inserted with SQL, not by the storage writer, so the rollups are filled from
    // them as migration 8.1 fills them on a database that holds requests.
    long rollupStart = System.nanoTime();
    try (Connection connection = database.connect()) {
      connection.setAutoCommit(false);
      new UsageRollups(DatabaseVendor.POSTGRESQL).rebuildAll(connection);
      connection.commit();
    }
    run.rollupSeconds = (System.nanoTime() - rollupStart) / 1_000_000_000;
    long start = System.nanoTime();
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("VACUUM ANALYZE api_requests");
      statement.execute("VACUUM ANALYZE " + UsageRollups.USAGE_HOURS);
      statement.execute("VACUUM ANALYZE " + UsageRollups.OUTPUT_MINUTES);
      statement.execute("VACUUM ANALYZE " + UsageRollups.CONVERSATIONS);
      statement.execute("CHECKPOINT");
    }
    run.vacuumSeconds = (System.nanoTime() - start) / 1_000_000_000;
    run.rows = database.countRequests();
    run.tableBytes = longValue(database, "SELECT pg_total_relation_size('api_requests')");
    LOG.info(() -> "The database has " + run.rows + " rows; reading the fixture");
    return ApiFixture.read(database, run.rows);
  }

  private Map<ApiVariant.Port, String> startServices(BenchDatabase database, String key)
      throws IOException, InterruptedException {
    Map<String, String> settings = new java.util.HashMap<>(database.proxySettings());
    settings.put("DASHBOARD_API_KEY", key);
    settings.put("DASHBOARD_CACHE_TTL", "0");
    Map<ApiVariant.Port, String> baseUrls = new EnumMap<>(ApiVariant.Port.class);
    long start = System.nanoTime();
    baseUrls.put(ApiVariant.Port.DASHBOARD, startService("dashboard", settings));
    if (options.proxyPort()) {
      Path credentials = work.resolve("proxy/credentials");
      Files.createDirectories(credentials);
      Map<String, String> proxySettings = new java.util.HashMap<>(settings);
      proxySettings.put("CREDENTIALS_DIR", credentials.toString());
      // The benchmark sends no /v1/* request, so the proxy never connects to this URL, where
      // nothing listens.
      proxySettings.put("CLAUDE_API_BASE_URL", "http://127.0.0.1:9");
      baseUrls.put(ApiVariant.Port.PROXY, startService("proxy", proxySettings));
    }
    run.startSeconds = (System.nanoTime() - start) / 1_000_000_000;
    return baseUrls;
  }

  private String startService(String service, Map<String, String> settings)
      throws IOException, InterruptedException {
    Path home = work.resolve(service);
    NexusService started = NexusService.start(root, home, service, settings);
    open.push(started);
    return started.baseUrl();
  }

  private static String postgresDescription(BenchDatabase database) throws SQLException {
    StringBuilder text = new StringBuilder();
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      for (String setting : List.of("server_version", "shared_buffers", "work_mem",
          "effective_cache_size", "max_parallel_workers_per_gather", "random_page_cost")) {
        try (ResultSet rs = statement.executeQuery("SHOW " + setting)) {
          rs.next();
          text.append(text.length() == 0 ? "" : ", ").append(setting).append(' ').append(rs.getString(1));
        }
      }
    }
    return text + " (server defaults otherwise), on 127.0.0.1 with trust authentication";
  }

  private static long longValue(BenchDatabase database, String sql) throws SQLException {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Stops every service and drops the fresh database, newest first. */
  private synchronized void closeAll() {
    while (!open.isEmpty()) {
      AutoCloseable resource = open.pop();
      try {
        resource.close();
      } catch (Exception e) {
        LOG.log(Level.WARNING, "Could not close " + resource, e);
      }
    }
  }

  static {
    // Registers the driver for DriverManager, as the benchmark's other main classes do.
    try {
      Class.forName("org.postgresql.Driver");
    } catch (ClassNotFoundException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
