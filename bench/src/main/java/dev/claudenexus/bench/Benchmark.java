package dev.claudenexus.bench;

import dev.claudenexus.testsupport.anthropic.DefaultReplies;
import dev.claudenexus.testsupport.anthropic.FakeAnthropicApi;
import dev.claudenexus.testsupport.anthropic.FakeReply;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the same closed-loop load to the loopback fake Anthropic API directly and through the proxy
 * on Payara Micro, and writes the results to {@code docs/benchmarks.md}.
 *
 * <p>Phases, each with its own proxy started by {@code bin/nexus}: {@code latency} (storage off: added
 * latency, first-event delay), {@code h2} (storage on H2: throughput, rows stored, RSS with many open
 * streams) and {@code postgresql} (storage on a fresh PostgreSQL database: throughput, then again after
 * inserting synthetic rows). Client, fake and proxy share the machine's cores.
 */
public final class Benchmark {

  private static final Logger LOG = Logger.getLogger(Benchmark.class.getName());
  private static final List<RequestShape> SHAPES = List.of(
      RequestShape.of(RequestShape.SMALL_BODY_BYTES, false),
      RequestShape.of(RequestShape.SMALL_BODY_BYTES, true),
      RequestShape.of(RequestShape.LARGE_BODY_BYTES, false),
      RequestShape.of(RequestShape.LARGE_BODY_BYTES, true));
  private static final RequestShape STORAGE_SHAPE = SHAPES.get(0);
  private static final int DIRECT_WARMUP_REQUESTS = 1000;
  static final int SETTLE_ROUND_REQUESTS = 2_000;
  static final long SETTLED_COMPILES = 20;
  static final Duration SETTLE_LIMIT = Duration.ofSeconds(90);

  private final Options options;
  private final Path root;
  private final Path work;
  private final Results results = new Results();
  /** Proxies and databases to close, newest first, also from the shutdown hook after Ctrl-C. */
  private final Deque<AutoCloseable> open = new ArrayDeque<>();
  /** Proxies whose flight recording has started. */
  private final Set<ProxyProcess> recording = new HashSet<>();
  private FakeAnthropicApi fake;
  private ClosedLoop loop;

  private Benchmark(Options options, Path root) {
    this.options = options;
    this.root = root;
    this.work = root.resolve("bench/target/run");
  }

  public static void main(String[] args) throws Exception {
    if (List.of(args).contains("--help")) {
      System.out.print(Options.USAGE);
      return;
    }
    Options options = Options.parse(args);
    Path root = Path.of(System.getProperty("nexus.root", ".")).toAbsolutePath().normalize();
    if (!Files.isExecutable(root.resolve("bin/nexus"))) {
      throw new IllegalStateException("bin/nexus not found under " + root + ". Set -Dnexus.root to the repository root.");
    }
    Benchmark benchmark = new Benchmark(options, root);
    benchmark.results.command = "bench/run.sh" + argumentText(options.arguments());
    Thread hook = new Thread(benchmark::closeAll, "bench-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      benchmark.run();
    } finally {
      benchmark.closeAll();
      Runtime.getRuntime().removeShutdownHook(hook);
    }
  }

  private void run() throws Exception {
    results.gitCommit = MachineInfo.gitCommit(root);
    Files.createDirectories(work);
    fake = FakeAnthropicApi.start();
    try {
      runPhases();
    } finally {
      fake.close();
    }
    Path output = root.resolve(options.output());
    Report.write(output, results, options);
    LOG.info(() -> "Wrote " + output);
  }

  private void runPhases() throws InterruptedException {
    fake.setRequestRecording(false);
    FakeReply hold = OpenStreams.holdReply(
        (int) Math.max(1, options.streamHold().toSeconds() / 2), Duration.ofSeconds(2));
    fake.setDefault(FakeReply.from(request -> request.bodyText().contains(OpenStreams.HOLD_MODEL)
        ? hold : DefaultReplies.forRequest(request)));
    HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
    loop = new ClosedLoop(http);
    Endpoint direct = new Endpoint("direct", fake.baseUrl(), "sk-ant-bench-direct");
    for (RequestShape shape : SHAPES) {
      loop.run(direct, shape, 10, DIRECT_WARMUP_REQUESTS, options.timeLimit());
    }

    List<String> phases = options.phases();
    if (phases.contains("latency")) {
      runPhase(new Results.Phase("latency", "none (STORAGE_ENABLED=false)"), this::latencyPhase);
    }
    if (phases.contains("latency-h2")) {
      runPhase(new Results.Phase("latency-h2", "H2 file database under NEXUS_HOME/data"),
          this::latencyWithStoragePhase);
    }
    if (phases.contains("h2")) {
      runPhase(new Results.Phase("h2", "H2 file database under NEXUS_HOME/data"), this::h2Phase);
    }
    if (phases.contains("postgresql")) {
      runPhase(new Results.Phase("postgresql", "fresh PostgreSQL database"), this::postgresPhase);
    }
  }

  /** Body of one phase, given the phase record to fill. */
  @FunctionalInterface
  private interface PhaseBody {
    void run(Results.Phase phase) throws Exception;
  }

  private void runPhase(Results.Phase phase, PhaseBody body) {
    results.phases.add(phase);
    phase.loadBefore = MachineInfo.loadAverage();
    long start = System.nanoTime();
    LOG.info(() -> "Phase " + phase.name + " starts; load average " + phase.loadBefore);
    try {
      body.run(phase);
    } catch (Exception e) {
      LOG.log(Level.SEVERE, "Phase " + phase.name + " failed", e);
      phase.failure = e.toString();
    } finally {
      closeAll();
      phase.loadAfter = MachineInfo.loadAverage();
      phase.elapsedSeconds = (System.nanoTime() - start) / 1_000_000_000;
      readProfile(phase);
    }
  }

  private void latencyPhase(Results.Phase phase) throws Exception {
    ProxyProcess proxy = startProxy(phase, Map.of("STORAGE_ENABLED", "false"));
    warmUp(phase, proxy);
    startRecording(proxy);
    latencyRuns(phase, proxy, null);
  }

  /**
   * Runs the latency phase through a proxy that stores every request in H2. Before each measured
   * run through the proxy, it waits until the earlier requests are stored, so that a run does not
   * pay for the records of the warm-up and of the runs before it.
   */
  private void latencyWithStoragePhase(Results.Phase phase) throws Exception {
    ProxyProcess proxy = startProxy(phase, Map.of());
    BenchDatabase database = BenchDatabase.h2(proxy.home());
    database.awaitSchema(Duration.ofSeconds(120));
    warmUp(phase, proxy);
    startRecording(proxy);
    latencyRuns(phase, proxy, database);
  }

  /** Runs the latency rows; {@code database} is the proxy's database, or null with storage off. */
  private void latencyRuns(Results.Phase phase, ProxyProcess proxy, BenchDatabase database)
      throws Exception {
    Endpoint direct = new Endpoint("direct", fake.baseUrl(), "sk-ant-bench-direct");
    for (int clients : options.clients()) {
      for (RequestShape shape : SHAPES) {
        LoadResult directResult = measure(direct, null, shape, clients, options.requests());
        LoadResult proxyResult = measure(proxy.endpoint(), proxy, shape, clients, options.requests(),
            database);
        long unstored = database == null ? -1
            : Math.max(0, proxy.requestsSent() - database.countRequests());
        phase.latency.add(new Results.LatencyPair(directResult, proxyResult, unstored));
        LOG.info(() -> String.format("%s, %d clients: direct p50 %.2f ms, proxy p50 %.2f ms, %.0f req/s",
            shape.label(), clients, directResult.latencyMillis(50), proxyResult.latencyMillis(50),
            proxyResult.throughput()));
      }
    }
    finishPhase(phase, proxy);
  }

  private void h2Phase(Results.Phase phase) throws Exception {
    ProxyProcess proxy = startProxy(phase, Map.of());
    BenchDatabase database = BenchDatabase.h2(proxy.home());
    database.awaitSchema(Duration.ofSeconds(120));
    warmUp(phase, proxy);
    phase.storageRuns.addAll(storageRuns(phase, proxy, database, 0));
    if (options.streams() > 0) {
      phase.streams = OpenStreams.run(proxy, options.streams(), options.streamHold());
      LOG.info(() -> "Open streams: " + phase.streams);
    }
    finishPhase(phase, proxy);
  }

  private void postgresPhase(Results.Phase phase) throws Exception {
    BenchDatabase database = BenchDatabase.freshPostgres(options.pgHost(), options.pgPort(), options.pgUser());
    open.push(database);
    results.postgresVersion = postgresVersion(database);
    ProxyProcess proxy = startProxy(phase, database.proxySettings());
    database.awaitSchema(Duration.ofSeconds(120));
    warmUp(phase, proxy);
    phase.storageRuns.addAll(storageRuns(phase, proxy, database, 0));
    if (options.rows() == 0) {
      finishPhase(phase, proxy);
      return;
    }
    LOG.info("Inserting synthetic rows");
    phase.fill = SyntheticRows.insert(database, options.rows(), options.rowsBatch(), options.rowsBudget());
    LOG.info(() -> "Inserted " + phase.fill.rows() + " rows in " + phase.fill.insertTime());
    phase.storageRunsAfterRows.addAll(storageRuns(phase, proxy, database, phase.fill.rows()));
    finishPhase(phase, proxy);
  }

  private List<StorageRun.Result> storageRuns(Results.Phase phase, ProxyProcess proxy, BenchDatabase database,
      long extraRows)
      throws Exception {
    Endpoint direct = new Endpoint("direct", fake.baseUrl(), "sk-ant-bench-direct");
    List<StorageRun.Result> runs = new java.util.ArrayList<>();
    for (int clients : options.storageClients()) {
      if (!phase.directReference.containsKey(clients)) {
        phase.directReference.put(clients,
            measure(direct, null, STORAGE_SHAPE, clients, options.storageRequests()));
      }
      measure(proxy.endpoint(), proxy, STORAGE_SHAPE, clients, 0);
      StorageRun.awaitBacklog(proxy, database, extraRows);
      startRecording(proxy);
      StorageRun.Result run = StorageRun.run(loop, proxy, database, STORAGE_SHAPE, clients,
          options.storageRequests(), options.timeLimit(), extraRows);
      runs.add(run);
      LOG.info(() -> String.format("%s storage, %d clients: %.0f req/s, %d of %d rows stored in %d ms",
          database.vendor, clients, run.load().throughput(), run.rowsAfter(), run.rowsExpected(),
          run.storedMillis()));
    }
    return runs;
  }

  /** Runs {@link Options#warmup()} unmeasured requests, then {@code requests} measured ones. */
  private LoadResult measure(Endpoint endpoint, ProxyProcess proxy, RequestShape shape, int clients,
      int requests) throws IOException, InterruptedException, SQLException {
    return measure(endpoint, proxy, shape, clients, requests, null);
  }

  /**
   * Like {@link #measure(Endpoint, ProxyProcess, RequestShape, int, int)}, and when {@code
   * database} is not null, waits after the unmeasured requests until every request sent to the
   * proxy so far is stored there.
   */
  private LoadResult measure(Endpoint endpoint, ProxyProcess proxy, RequestShape shape, int clients,
      int requests, BenchDatabase database) throws IOException, InterruptedException, SQLException {
    LoadResult warmup = loop.run(endpoint, shape, clients, options.warmup(), options.timeLimit());
    count(proxy, warmup);
    if (requests == 0) {
      return warmup;
    }
    if (database != null) {
      StorageRun.awaitBacklog(proxy, database, 0);
    }
    long cpuBefore = proxy == null ? 0 : proxy.cpuMillis();
    LoadResult result = loop.run(endpoint, shape, clients, requests, options.timeLimit());
    if (proxy != null) {
      result = result.withProxyCpuMillis(proxy.cpuMillis() - cpuBefore);
    }
    count(proxy, result);
    return result;
  }

  /**
   * Sends {@link Options#proxyWarmup()} requests through a new proxy, spread over the request
   * shapes, then more rounds until the proxy's JIT compilers have settled: a round of
   * {@link #SETTLE_ROUND_REQUESTS} requests that leads to fewer than {@link #SETTLED_COMPILES}
   * compilations, or {@link #SETTLE_LIMIT} at most. On two cores the compiler threads otherwise
   * take a quarter of a core during the first measured runs.
   */
  private void warmUp(Results.Phase phase, ProxyProcess proxy) throws IOException, InterruptedException {
    int perShape = options.proxyWarmup() / SHAPES.size();
    long sent = 0;
    for (RequestShape shape : SHAPES) {
      LoadResult result = loop.run(proxy.endpoint(), shape, 10, perShape, options.timeLimit());
      count(proxy, result);
      sent += result.succeeded() + result.failed();
    }
    long deadline = System.nanoTime() + SETTLE_LIMIT.toNanos();
    long compiles = proxy.jitCompiles();
    long added = Long.MAX_VALUE;
    while (added >= SETTLED_COMPILES && System.nanoTime() < deadline) {
      for (RequestShape shape : SHAPES) {
        LoadResult result = loop.run(proxy.endpoint(), shape, 10, SETTLE_ROUND_REQUESTS / SHAPES.size(),
            options.timeLimit());
        count(proxy, result);
        sent += result.succeeded() + result.failed();
      }
      long now = proxy.jitCompiles();
      added = now - compiles;
      compiles = now;
    }
    phase.warmupRequests = sent;
    phase.warmupLastRoundCompiles = added;
    long total = sent;
    long last = added;
    LOG.info(() -> "Warm-up: " + total + " requests; the last round led to " + last + " compilations");
  }

  /**
   * Starts the flight recorder once per proxy when {@code --jfr true}: after the warm-ups and, with
   * storage on, after their rows are stored.
   */
  private void startRecording(ProxyProcess proxy) throws IOException, InterruptedException {
    if (options.jfr() && recording.add(proxy)) {
      proxy.jcmd("JFR.start", "name=bench", "settings=profile");
    }
  }

  private static void count(ProxyProcess proxy, LoadResult result) {
    if (proxy != null) {
      proxy.countRequests(result.succeeded() + result.failed());
    }
  }

  private ProxyProcess startProxy(Results.Phase phase, Map<String, String> settings)
      throws IOException, InterruptedException {
    Map<String, String> environment = new LinkedHashMap<>(settings);
    environment.putAll(options.proxyEnvironment());
    String javaOpts = options.javaOpts();
    if (javaOpts != null) {
      environment.put("NEXUS_JAVA_OPTS", javaOpts);
    }
    phase.proxySettings = Map.copyOf(environment);
    Files.deleteIfExists(recording(phase));
    long start = System.nanoTime();
    ProxyProcess proxy = ProxyProcess.start(root, work.resolve("home-" + phase.name), fake.baseUrl(), environment);
    open.push(proxy);
    phase.startSeconds = (System.nanoTime() - start) / 1_000_000_000;
    phase.idleRssKib = proxy.procStatusKib("VmRSS");
    phase.heapAfterStart = proxy.heapInfo();
    return proxy;
  }

  private void finishPhase(Results.Phase phase, ProxyProcess proxy) throws IOException, InterruptedException {
    Thread.sleep(2000);
    phase.idleRssAfterKib = proxy.procStatusKib("VmRSS");
    phase.peakRssKib = proxy.procStatusKib("VmHWM");
    phase.heapAfterRuns = proxy.heapInfo();
    String javaOpts = phase.proxySettings.getOrDefault("NEXUS_JAVA_OPTS", "");
    if (javaOpts.contains("-XX:NativeMemoryTracking=")) {
      phase.nativeMemoryKib = NativeMemory.committedKib(proxy.jcmd("VM.native_memory", "summary"));
    }
    if (options.jfr()) {
      proxy.jcmd("JFR.dump", "name=bench", "filename=" + recording(phase));
      proxy.jcmd("JFR.stop", "name=bench");
    }
  }

  private Path recording(Results.Phase phase) {
    return work.resolve("proxy-" + phase.name + ".jfr");
  }

  private void readProfile(Results.Phase phase) {
    Path recording = recording(phase);
    if (!options.jfr() || !Files.exists(recording)) {
      return;
    }
    try {
      phase.profile = HotMethods.read(recording);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Could not read the flight recording " + recording, e);
    }
  }

  private static String postgresVersion(BenchDatabase database) throws SQLException {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SHOW server_version")) {
      rows.next();
      return rows.getString(1);
    }
  }

  /** Stops every proxy and drops every database still open, newest first. */
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

  private static String argumentText(Map<String, String> arguments) {
    StringBuilder text = new StringBuilder();
    arguments.forEach((name, value) -> text.append(" --").append(name).append(' ')
        .append(value.contains(" ") ? "\"" + value + "\"" : value));
    return text.toString();
  }

  static {
    // Under exec:java the drivers sit in a child class loader that DriverManager's service lookup does
    // not search, so they are loaded, and thereby registered, here.
    try {
      Class.forName("org.postgresql.Driver");
      Class.forName("org.h2.Driver");
    } catch (ClassNotFoundException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
