package dev.claudenexus.systemtests;

import dev.claudenexus.testsupport.anthropic.FakeAnthropicApi;
import dev.claudenexus.testsupport.gemini.FakeGeminiApi;
import dev.claudenexus.testsupport.github.FakeGitHubApi;
import dev.claudenexus.testsupport.spark.FakeSparkApi;
import dev.claudenexus.testsupport.net.LoopbackPorts;
import dev.claudenexus.testsupport.net.TcpFaultProxy;
import dev.claudenexus.testsupport.webhook.FakeWebhookServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One proxy on Payara Micro, started with {@code bin/nexus start} as a user would, in front of a
 * loopback fake of the Anthropic API. Every test class of a run shares it; it is stopped after the
 * last test. The database is H2 or, with {@code -Dnexus.it.database=postgresql}, a fresh PostgreSQL
 * database reached through a {@link TcpFaultProxy} so tests can take it away. A loopback {@link
 * FakeWebhookServer} receives its Slack messages ({@value #SLACK_PATH}) and telemetry ({@value
 * #TELEMETRY_PATH}); debug logging and test samples are on. MCP is enabled with the prompts of
 * {@code prompts/} in the home, synced from a {@link FakeGitHubApi}, and Spark feedback goes to a
 * {@link FakeSparkApi}. The analysis worker runs against a loopback {@link FakeGeminiApi}.
 */
public final class NexusServer implements ExtensionContext.Store.CloseableResource {

  static final String DASHBOARD_KEY = "test-dashboard-key";
  /** Wrong dashboard keys per minute and client: more than all other tests send together. */
  static final int KEY_FAILURE_LIMIT = 50;
  /** Base64 of 32 bytes, the AES key of OAuth tokens shared through the database in tests. */
  static final String OAUTH_TOKEN_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
  static final String UPSTREAM_API_KEY = "sk-ant-api03-upstream-secret-key";
  static final String GEMINI_API_KEY = "AIzaTestKey_for-the-fake-gemini";
  /** Model calls longer than this time out, so a test can provoke a timeout quickly. */
  static final int GEMINI_TIMEOUT_MS = 2500;
  /** Estimated tokens of the conversation part of a prompt. */
  static final int MAX_PROMPT_TOKENS = 100_000;
  /** The daily cost cap; the cost cap test spends it with one expensive analysis. */
  static final String MAX_COST_PER_DAY = "50";
  /** Analysis requests per minute and domain; the rate limit test exceeds it on another domain. */
  static final int ANALYSIS_CREATION_LIMIT = 40;
  static final String OTHER_DOMAIN = "other.example.com";
  static final String SLACK_PATH = "/slack";
  static final String TELEMETRY_PATH = "/telemetry";
  static final String SLACK_CHANNEL = "#nexus-tests";
  static final String SETUP_SCRIPT = "#!/bin/sh\necho configured\n";
  /** The one origin that may call {@code /api/*} from a browser. */
  static final String CORS_ORIGIN = "http://allowed.example";
  static final String GITHUB_TOKEN = "ghp_system_tests_token";
  static final String GITHUB_OWNER = "nexus-team";
  static final String GITHUB_REPO = "shared-prompts";
  static final String GITHUB_FOLDER = "library/prompts";
  static final String SPARK_KEY = "spark-system-tests-key";
  /** A prompt that exists only in the prompts folder, never in the fake repository. */
  static final String LOCAL_PROMPT = "local-only";

  private static final Logger LOG = Logger.getLogger(NexusServer.class.getName());

  final FakeAnthropicApi fake;
  final FakeGeminiApi gemini;
  final FakeTokenEndpoint tokenEndpoint;
  final FakeWebhookServer hooks;
  final FakeGitHubApi github;
  final FakeSparkApi spark;
  final Path home;
  final int port;
  final int dashboardPort;
  final String clientKey;
  final String otherClientKey;
  final Database database;
  private final Path root;
  private boolean dashboardStarted;

  private NexusServer(Path root, Path home, int port, FakeAnthropicApi fake, FakeWebhookServer hooks,
      Database database, String clientKey, String otherClientKey, FakeTokenEndpoint tokenEndpoint,
      FakeGeminiApi gemini) throws IOException {
    this.root = root;
    this.gemini = gemini;
    this.dashboardPort = freePort();
    this.tokenEndpoint = tokenEndpoint;
    this.home = home;
    this.port = port;
    this.fake = fake;
    this.hooks = hooks;
    this.github = FakeGitHubApi.start(GITHUB_OWNER, GITHUB_REPO, "main", GITHUB_FOLDER, GITHUB_TOKEN);
    this.spark = FakeSparkApi.start(SPARK_KEY);
    this.database = database;
    this.clientKey = clientKey;
    this.otherClientKey = otherClientKey;
  }

  static NexusServer start() throws Exception {
    Path root = Path.of(System.getProperty("nexus.root", "..")).toAbsolutePath().normalize();
    String vendor = System.getProperty("nexus.it.database", "h2");
    Path home = root.resolve("system-tests/target/nexus-home-" + vendor);
    deleteRecursively(home);
    Files.createDirectories(home.resolve("credentials"));
    writeClientSetup(home);
    writePrompts(home);

    FakeAnthropicApi fake = FakeAnthropicApi.start();
    FakeWebhookServer hooks = FakeWebhookServer.start();
    int port = freePort();
    Database database = switch (vendor) {
      case "postgresql" -> Database.freshPostgres();
      case "h2-server" -> Database.h2Server(home);
      default -> Database.h2(home);
    };

    String clientKey = "cnp_live_" + UUID.randomUUID().toString().replace("-", "");
    String otherClientKey = "cnp_live_" + UUID.randomUUID().toString().replace("-", "");
    writeCredentials(home, "127.0.0.1:" + port, clientKey, "acc_system_tests");
    writeCredentials(home, OTHER_DOMAIN, otherClientKey, "acc_other");

    FakeTokenEndpoint tokenEndpoint = FakeTokenEndpoint.start();
    FakeGeminiApi gemini = FakeGeminiApi.start(GEMINI_API_KEY);
    NexusServer server = new NexusServer(root, home, port, fake, hooks, database, clientKey,
        otherClientKey, tokenEndpoint, gemini);
    try {
      server.run("start", "proxy");
      server.awaitDatabase();
    } catch (Exception | AssertionError e) {
      // Stop what did start, so a failed start leaves no proxy or fake behind.
      server.close();
      throw e;
    }
    return server;
  }

  /** Waits until the proxy reports its database connected, which means the schema is migrated. */
  void awaitDatabase() throws IOException, InterruptedException {
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    java.net.http.HttpRequest health = java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(baseUrl() + "/health")).build();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      String body = http.send(health, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
      if (body.contains("\"database\":\"connected\"")) {
        return;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("The proxy did not connect to its database within 60 s");
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /**
   * Returns the URL of the dashboard, which runs with the same settings and database as the proxy.
   * It is started by the first test that needs it, so test runs without dashboard tests skip it.
   */
  synchronized String dashboardUrl() throws IOException, InterruptedException {
    if (!dashboardStarted) {
      run("start", "dashboard");
      dashboardStarted = true;
    }
    return "http://127.0.0.1:" + dashboardPort;
  }

  /** Returns the domain that requests to {@link #baseUrl} use. */
  String domain() {
    return "127.0.0.1:" + port;
  }

  Map<String, String> environment() {
    Map<String, String> env = new HashMap<>();
    env.put("NEXUS_HOME", home.toString());
    env.put("PROXY_PORT", Integer.toString(port));
    env.put("DASHBOARD_PORT", Integer.toString(dashboardPort));
    env.put("HOST", "127.0.0.1");
    env.put("CORS_ORIGIN", CORS_ORIGIN);
    env.put("CLAUDE_API_BASE_URL", fake.baseUrl());
    env.put("CREDENTIALS_DIR", home.resolve("credentials").toString());
    env.put("CLAUDE_API_TIMEOUT", "4000");
    env.put("STREAM_IDLE_TIMEOUT_MS", "5000");
    env.put("UPSTREAM_RETRY_BASE_DELAY_MS", "50");
    env.put("UPSTREAM_RETRY_BUDGET_MS", "20000");
    env.put("STORE_STREAMING_CHUNKS", "true");
    env.put("DASHBOARD_API_KEY", DASHBOARD_KEY);
    // Tests act as other clients with X-Forwarded-For, so wrong keys of one test do not use up the
    // allowance of the others.
    env.put("TRUSTED_PROXIES", "127.0.0.1");
    env.put("DASHBOARD_KEY_FAILURE_LIMIT", Integer.toString(KEY_FAILURE_LIMIT));
    env.put("CLAUDE_OAUTH_TOKEN_URL", tokenEndpoint.url());
    env.put("OAUTH_TOKEN_ENCRYPTION_KEY", OAUTH_TOKEN_KEY);
    env.put("NEXUS_JAVA_OPTS", "-Xmx512m -Xss512k -XX:TieredStopAtLevel=1");
    env.put("SLACK_WEBHOOK_URL", hooks.url(SLACK_PATH));
    env.put("SLACK_CHANNEL", SLACK_CHANNEL);
    env.put("TELEMETRY_ENDPOINT", hooks.url(TELEMETRY_PATH));
    env.put("COLLECT_TEST_SAMPLES", "true");
    env.put("DEBUG", "true");
    env.put("AI_WORKER_ENABLED", "true");
    env.put("GEMINI_API_KEY", GEMINI_API_KEY);
    env.put("GEMINI_API_URL", gemini.baseUrl());
    env.put("GEMINI_MODEL_NAME", "gemini-test");
    env.put("AI_WORKER_POLL_INTERVAL_MS", "250");
    env.put("AI_WORKER_JOB_TIMEOUT_MINUTES", "5");
    env.put("AI_ANALYSIS_GEMINI_REQUEST_TIMEOUT_MS", Integer.toString(GEMINI_TIMEOUT_MS));
    env.put("AI_MAX_PROMPT_TOKENS", Integer.toString(MAX_PROMPT_TOKENS));
    env.put("AI_ANALYSIS_MAX_COST_USD_PER_DAY", MAX_COST_PER_DAY);
    env.put("AI_ANALYSIS_RATE_LIMIT_CREATION", Integer.toString(ANALYSIS_CREATION_LIMIT));
    env.put("MCP_ENABLED", "true");
    env.put("MCP_GITHUB_API_URL", github.baseUrl());
    env.put("MCP_GITHUB_OWNER", GITHUB_OWNER);
    env.put("MCP_GITHUB_REPO", GITHUB_REPO);
    env.put("MCP_GITHUB_PATH", GITHUB_FOLDER + "/");
    env.put("MCP_GITHUB_TOKEN", GITHUB_TOKEN);
    env.put("MCP_SYNC_INTERVAL", "3600");
    env.put("SPARK_API_URL", spark.baseUrl());
    env.put("SPARK_API_KEY", SPARK_KEY);
    env.putAll(database.proxySettings());
    return env;
  }

  private void run(String command) throws IOException, InterruptedException {
    run(new String[] {command});
  }

  /** Runs {@code bin/nexus} with the proxy's settings and returns its output; fails on a non-zero exit. */
  String run(String... arguments) throws IOException, InterruptedException {
    return run(home, environment(), arguments);
  }

  private String run(Path directory, Map<String, String> env, String... arguments)
      throws IOException, InterruptedException {
    String command = arguments[0] + (arguments.length > 1 ? "-" + arguments[1] : "");
    java.util.List<String> commandLine = new java.util.ArrayList<>();
    commandLine.add(root.resolve("bin/nexus").toString());
    commandLine.addAll(java.util.List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(commandLine)
        .directory(directory.toFile())
        .redirectErrorStream(true)
        .redirectOutput(directory.resolve("nexus-" + command + ".out").toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(6, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("bin/nexus " + command + " did not finish in 6 minutes");
    }
    String output = Files.readString(directory.resolve("nexus-" + command + ".out"));
    if (process.exitValue() != 0) {
      throw new IllegalStateException("bin/nexus " + command + " failed:\n" + output);
    }
    LOG.info(output);
    return output;
  }

  /**
   * Starts a second proxy with the same settings and database (the embedded H2 file too) but its own home, port and credentials
   * directory, as a second instance behind a load balancer would run. The caller stops it.
   */
  SecondInstance startSecondInstance() throws Exception {
    Path secondHome = home.resolveSibling(home.getFileName() + "-second");
    deleteRecursively(secondHome);
    Files.createDirectories(secondHome.resolve("credentials"));
    Map<String, String> env = new HashMap<>(environment());
    int secondPort = freePort();
    env.put("NEXUS_HOME", secondHome.toString());
    env.put("PROXY_PORT", Integer.toString(secondPort));
    env.put("CREDENTIALS_DIR", secondHome.resolve("credentials").toString());
    if (database.proxySettings().isEmpty()) {
      // The embedded H2 file lives in the main home; the second instance opens it in server mode.
      env.put("DATABASE_JDBC_URL", database.jdbcUrl);
    }
    run(secondHome, env, "start", "proxy");
    return new SecondInstance(secondHome, secondPort, () -> run(secondHome, env, "stop", "proxy"));
  }

  /** A second proxy started by {@link #startSecondInstance}. */
  record SecondInstance(Path home, int port, StopAction stopAction) implements AutoCloseable {
    @Override
    public void close() throws Exception {
      stopAction.stop();
    }
  }

  /** Stops a second instance. */
  @FunctionalInterface
  interface StopAction {
    void stop() throws Exception;
  }

  /** Stops the proxy; {@link #startAgain} starts it with the same settings. */
  void stop() throws Exception {
    run("stop", "proxy");
  }

  void startAgain() throws Exception {
    run("start", "proxy");
    awaitDatabase();
  }

  /**
   * Runs {@code bin/nexus} in another home with the given settings, for a second set of services on
   * this run's database; fails on a non-zero exit.
   */
  String runElsewhere(Path directory, Map<String, String> env, String... arguments)
      throws IOException, InterruptedException {
    return run(directory, env, arguments);
  }

  @Override
  public void close() throws Exception {
    try {
      run("stop");
    } finally {
      fake.close();
      gemini.close();
      tokenEndpoint.close();
      hooks.close();
      github.close();
      spark.close();
      database.close();
    }
  }

  /** Returns the directory of the proxy's test samples ({@code TEST_SAMPLES_DIR} left at its default). */
  Path samplesDirectory() {
    return home.resolve("test-samples");
  }

  private static void writeClientSetup(Path home) throws IOException {
    Path directory = Files.createDirectories(home.resolve("client-setup"));
    Files.writeString(directory.resolve("setup.sh"), SETUP_SCRIPT, StandardCharsets.UTF_8);
    Files.writeString(directory.resolve("settings.json"), "{\"env\":{}}", StandardCharsets.UTF_8);
  }

  /** Returns the prompts folder of the proxy and the dashboard: {@code MCP_PROMPTS_DIR}'s default. */
  Path promptsDirectory() {
    return home.resolve("prompts");
  }

  private static void writePrompts(Path home) throws IOException {
    Path directory = Files.createDirectories(home.resolve("prompts"));
    Files.writeString(directory.resolve(LOCAL_PROMPT + ".yaml"), "description: A prompt kept only"
        + " in this folder\ntemplate: |\n  Summarise {{topic}}{{#if detail}} in detail{{/if}}.\n",
        StandardCharsets.UTF_8);
  }

  private static void writeCredentials(Path home, String domain, String clientKey, String account)
      throws IOException {
    String json = "{\"type\":\"api_key\",\"accountId\":\"" + account + "\",\"api_key\":\""
        + UPSTREAM_API_KEY + "\",\"client_api_key\":\"" + clientKey + "\"}";
    Files.writeString(home.resolve("credentials").resolve(domain + ".credentials.json"), json,
        StandardCharsets.UTF_8);
  }

  /**
   * Writes a credential file whole under another name and renames it over {@code file}, so the proxy
   * never reads a part of it.
   */
  static void writeCredentialFile(Path file, String json) throws IOException {
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    Files.writeString(partial, json, StandardCharsets.UTF_8);
    Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /** Returns a free loopback port for a server that starts later; see {@link LoopbackPorts}. */
  static int freePort() throws IOException {
    return LoopbackPorts.free();
  }

  static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** The database of the run and how the tests read it. */
  static final class Database implements AutoCloseable {
    final String vendor;
    final String jdbcUrl;
    final String user;
    final TcpFaultProxy faultProxy;
    private final String adminUrl;
    private final String name;
    private org.h2.tools.Server h2Server;

    private Database(String vendor, String jdbcUrl, String user, TcpFaultProxy faultProxy,
        String adminUrl, String name) {
      this.vendor = vendor;
      this.jdbcUrl = jdbcUrl;
      this.user = user;
      this.faultProxy = faultProxy;
      this.adminUrl = adminUrl;
      this.name = name;
    }

    static Database h2(Path home) {
      String url = "jdbc:h2:file:" + home.resolve("data/nexus") + ";AUTO_SERVER=TRUE;DB_CLOSE_DELAY=-1";
      return new Database("h2", url, "nexus", null, null, null);
    }

    /** Starts an H2 TCP server on loopback that the proxy reaches through a fault proxy. */
    static Database h2Server(Path home) throws SQLException, IOException {
      System.setProperty("h2.bindAddress", "127.0.0.1");
      int port = freePort();
      org.h2.tools.Server server = org.h2.tools.Server.createTcpServer(
          "-tcpPort", Integer.toString(port), "-ifNotExists", "-baseDir", home.resolve("data").toString())
          .start();
      TcpFaultProxy proxy = TcpFaultProxy.start(port);
      Database database = new Database("h2", "jdbc:h2:tcp://127.0.0.1:" + port + "/nexus", "nexus",
          proxy, null, null);
      database.h2Server = server;
      return database;
    }

    static Database freshPostgres() throws SQLException {
      return freshPostgres("nexus_it_");
    }

    /** Creates a database named {@code <namePrefix><random>}; the prefix is a lower-case SQL name. */
    static Database freshPostgres(String namePrefix) throws SQLException {
      String configured = System.getenv("NEXUS_TEST_DATABASE_URL");
      if (configured == null || configured.isBlank()) {
        throw new IllegalStateException("NEXUS_TEST_DATABASE_URL is not set");
      }
      dev.claudenexus.config.DatabaseUrl url = dev.claudenexus.config.DatabaseUrl.parse(configured);
      String name = namePrefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      try (Connection admin = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
          Statement statement = admin.createStatement()) {
        statement.execute("CREATE DATABASE " + name);
      }
      TcpFaultProxy proxy = TcpFaultProxy.start(url.port());
      String jdbcUrl = "jdbc:postgresql://" + url.host() + ":" + url.port() + "/" + name;
      return new Database("postgresql", jdbcUrl, url.user(), proxy, url.jdbcUrl(), name);
    }

    /** Returns the database settings of the proxy: none for embedded H2, else the fault proxy. */
    Map<String, String> proxySettings() {
      if (faultProxy == null) {
        return Map.of();
      }
      if (h2Server != null) {
        return Map.of("DATABASE_JDBC_URL", "jdbc:h2:tcp://127.0.0.1:" + faultProxy.port() + "/nexus");
      }
      return Map.of("DATABASE_URL", "postgresql://" + user + "@127.0.0.1:" + faultProxy.port() + "/" + name);
    }

    /** Returns the {@code DATABASE_URL} of this PostgreSQL database reached through {@code proxy}. */
    String postgresUrlThrough(TcpFaultProxy proxy) {
      return "postgresql://" + user + "@127.0.0.1:" + proxy.port() + "/" + name;
    }

    Connection connect() throws SQLException {
      return DriverManager.getConnection(jdbcUrl, user, vendor.equals("h2") ? "nexus" : null);
    }

    @Override
    public void close() throws SQLException {
      if (faultProxy != null) {
        faultProxy.close();
      }
      if (h2Server != null) {
        h2Server.stop();
      }
      if (adminUrl != null) {
        try (Connection admin = DriverManager.getConnection(adminUrl, user, null);
            Statement statement = admin.createStatement()) {
          statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
      }
    }
  }

  static Duration rowTimeout() {
    return Duration.ofSeconds(30);
  }
}
