package dev.claudenexus.launcher;

import dev.claudenexus.config.SsoSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The boot files and command line of one service on Payara Micro. Every listener stays on the
 * configured host (loopback by default), Hazelcast is off and H2's server port binds to loopback.
 */
final class ServiceLaunch {

  /**
   * Switches off Payara's own {@code /metrics}, which responds without any authentication. Each war
   * serves its meters, the JVM's among them, at {@code /api/metrics} under the API's access rules.
   */
  static final String DISABLE_PAYARA_METRICS = "set-metrics-configuration --enabled=false";

  /**
   * Request threads of the dashboard. Its event streams are asynchronous and hold no thread, so it
   * needs far fewer than the proxy, whose open streams hold one each.
   */
  static final int DASHBOARD_MAX_THREADS = 200;

  /**
   * Attributes of the dashboard listener's {@code http} element. Payara adds SameSite to every cookie
   * of the listener, the session cookie among them, because the Servlet API's cookie attributes do
   * not reach Payara's Set-Cookie header. Behind a reverse proxy that ends TLS, its
   * X-Forwarded-Proto header makes a request count as HTTPS, so Payara marks the session cookie
   * Secure. A client that sends the header itself over plain HTTP only keeps its own browser from
   * returning the cookie.
   */
  static final Map<String, String> DASHBOARD_HTTP_ATTRIBUTES = orderedMap(
      "cookie-same-site-value", "Strict",
      "cookie-same-site-enabled", "true",
      "scheme-mapping", "X-Forwarded-Proto");

  /**
   * JVM options unless NEXUS_JAVA_OPTS replaces them. The heap starts at 64 MiB and grows to at
   * most 200 MiB, the free-ratio limits keep the serial collector from committing much more heap
   * than it uses, and that collector needs little memory of its own. Together they let 500 open
   * streams (one request thread each) fit in 600 MB. The JDK caches a direct buffer per thread for
   * socket writes from heap buffers, and the size limit keeps it from caching large ones.
   * docs/benchmarks.md has the measurements and the machine.
   */
  static final String DEFAULT_JAVA_OPTS = "-Xms64m -Xmx200m -Xss512k -XX:+UseSerialGC"
      + " -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40 -Djdk.nio.maxCachedBufferSize=16384";

  private final Environment env;
  private final Path home;
  private final Path runtime;
  private final Path workingDirectory;

  ServiceLaunch(Environment env, Path home, Path runtime, Path workingDirectory) {
    this.env = env;
    this.home = home;
    this.runtime = runtime;
    this.workingDirectory = workingDirectory;
  }

  /** Writes the boot files of the proxy and returns the Java command that starts it. */
  List<String> prepareProxy() throws IOException {
    validateProxySettings(env);
    return prepare("proxy", "proxy.war", proxyPort(env), proxyMaxThreads(env), List.of());
  }

  /**
   * Checks the settings of {@code service} ({@code proxy} or {@code dashboard}), port included, so
   * that {@code bin/nexus start} can check both services before it starts either.
   *
   * @throws IllegalArgumentException naming the variable of a wrong value, or an unknown service
   */
  static void validate(Environment env, String service) {
    switch (service) {
      case "proxy" -> {
        proxyPort(env);
        validateProxySettings(env);
      }
      case "dashboard" -> {
        env.integer("DASHBOARD_PORT", 3001, 1, 65535);
        validateDashboardSettings(env);
      }
      default -> throw new IllegalArgumentException(
          "invalid service \"" + service + "\"; use proxy or dashboard");
    }
  }

  /** Checks the proxy's settings, so a wrong value stops the start instead of failing the deployment. */
  static void validateProxySettings(Environment env) {
    proxyMaxThreads(env);
    socketTimeoutMillis(env);
    validateRetention(env);
    env.integer("MCP_SYNC_INTERVAL", 300, 10, 604_800);
    env.integer("LINK_PARENT_WAIT_MS", 0, 0, 10_000);
    validateForwarding(env);
    validateStorage(env);
    validateApiLimits(env);
    // DEBUG is left out: shells of Node.js developers often set it to a pattern such as "app:*".
    for (String name : List.of("ENABLE_CLIENT_AUTH", "COLLECT_TEST_SAMPLES", "TELEMETRY_ENABLED",
        "SLACK_ENABLED")) {
      env.bool(name, false);
    }
    SsoSettings.from(env::get);
  }

  /** Checks the rate limits of {@code /api/*}, which both services serve. */
  static void validateApiLimits(Environment env) {
    env.integer("DASHBOARD_READ_RATE_LIMIT", 100, 0, 1_000_000);
    env.integer("DASHBOARD_KEY_FAILURE_LIMIT", 10, 0, 1_000_000);
  }

  /** Checks the upstream timeouts, retries and request size limit. */
  static void validateForwarding(Environment env) {
    env.integer("CLAUDE_API_TIMEOUT", 600_000, 100, Integer.MAX_VALUE);
    env.integer("STREAM_IDLE_TIMEOUT_MS", 0, 0, Integer.MAX_VALUE);
    env.integer("UPSTREAM_MAX_ATTEMPTS", 3, 1, 10);
    env.integer("UPSTREAM_RETRY_BASE_DELAY_MS", 1_000, 0, Integer.MAX_VALUE);
    env.integer("UPSTREAM_RETRY_BUDGET_MS", 60_000, 0, Integer.MAX_VALUE);
    env.integer("MAX_REQUEST_SIZE", 33_554_432, 1, Integer.MAX_VALUE);
  }

  /** Checks the storage writer's settings. */
  static void validateStorage(Environment env) {
    env.bool("STORAGE_ENABLED", true);
    env.bool("STORE_STREAMING_CHUNKS", false);
    env.bool("DEBUG_SQL", false);
    env.integer("STORAGE_QUEUE_CAPACITY", 10_000, 1, 10_000_000);
    env.integer("STORAGE_QUEUE_MAX_BYTES", 33_554_432, 1_048_576, Integer.MAX_VALUE);
    env.integer("STORAGE_BATCH_SIZE", 100, 1, 10_000);
    env.integer("SLOW_QUERY_THRESHOLD_MS", 5_000, 0, Integer.MAX_VALUE);
  }

  /** Returns the proxy's maximum request threads, {@code PROXY_MAX_THREADS}. */
  static int proxyMaxThreads(Environment env) {
    return env.integer("PROXY_MAX_THREADS", 1024, 16, 100_000);
  }

  /** Returns the socket read and write timeout of client connections, {@code PROXY_SERVER_TIMEOUT}. */
  static int socketTimeoutMillis(Environment env) {
    return env.integer("PROXY_SERVER_TIMEOUT", 660_000, 1_000, Integer.MAX_VALUE);
  }

  /** Checks the retention settings, so a wrong value stops the start instead of the first run. */
  static void validateRetention(Environment env) {
    env.integer("RETENTION_BODY_DAYS", 0, 1, 36_500);
    env.integer("RETENTION_DAYS", 0, 1, 36_500);
    env.integer("RETENTION_HOUR", 3, 0, 23);
    env.integer("RETENTION_BATCH_SIZE", 1000, 1, 100_000);
    env.integer("AUDIT_RETENTION_DAYS", 365, 1, 36_500);
  }

  /** Returns the proxy's port: {@code PROXY_PORT}, else {@code PORT}, else 3000. */
  static int proxyPort(Environment env) {
    // PORT is read only when PROXY_PORT is unset, so an unrelated PORT does not block the start.
    return env.get("PROXY_PORT").isPresent()
        ? env.integer("PROXY_PORT", 3000, 1, 65535)
        : env.integer("PORT", 3000, 1, 65535);
  }

  /**
   * Writes the boot files of the dashboard and returns the Java command that starts it. It uses the
   * proxy's database settings, so both services read the same data.
   */
  List<String> prepareDashboard() throws IOException {
    int port = env.integer("DASHBOARD_PORT", 3001, 1, 65535);
    String http = "configs.config.server-config.network-config.protocols.protocol.http-listener.http";
    List<String> listener = DASHBOARD_HTTP_ATTRIBUTES.entrySet().stream()
        .map(attribute -> "set " + http + "." + attribute.getKey() + "=" + attribute.getValue())
        .toList();
    validateDashboardSettings(env);
    return prepare("dashboard", "dashboard.war", port, DASHBOARD_MAX_THREADS, listener);
  }

  /** Checks the dashboard's settings, so a wrong value stops the start instead of failing a page. */
  static void validateDashboardSettings(Environment env) {
    env.integer("DASHBOARD_CACHE_TTL", 30, 0, 86_400);
    env.integer("TOKEN_LIMIT_5H", 140_000, 1, Integer.MAX_VALUE);
    env.integer("DASHBOARD_SESSION_IDLE_MINUTES", 60, 1, 10_080);
    validateApiLimits(env);
    SsoSettings.from(env::get);
  }

  private List<String> prepare(String service, String war, int port, int maxThreads,
      List<String> extraPreboot) throws IOException {
    String host = env.get("HOST", "127.0.0.1");
    Path runDirectory = home.resolve("run").resolve(service);
    Files.createDirectories(runDirectory);
    Files.createDirectories(home.resolve("data"));
    Files.createDirectories(home.resolve("logs"));
    DatabaseSettings database = DatabaseSettings.from(env, home.resolve("data"));

    Path preboot = runDirectory.resolve("preboot.asadmin");
    List<String> prebootCommands = new ArrayList<>(prebootCommands(host, maxThreads));
    prebootCommands.addAll(extraPreboot);
    Files.write(preboot, prebootCommands, StandardCharsets.UTF_8);
    Path postboot = runDirectory.resolve("postboot.asadmin");
    List<String> postbootCommands = new ArrayList<>(database.asadminCommands());
    postbootCommands.add(DISABLE_PAYARA_METRICS);
    writePrivate(postboot, String.join("\n", postbootCommands) + "\n");
    Path systemProperties = runDirectory.resolve("system.properties");
    Files.writeString(systemProperties, "h2.bindAddress=127.0.0.1\n", StandardCharsets.UTF_8);

    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    command.addAll(List.of(env.get("NEXUS_JAVA_OPTS", DEFAULT_JAVA_OPTS).split("\\s+")));
    command.add("-Dnexus.env.file=" + workingDirectory.resolve(".env"));
    command.add("-DNEXUS_HOME=" + home);
    command.addAll(List.of(
        "-jar", runtime.resolve("payara-micro.jar").toString(),
        "--nohazelcast",
        "--port", Integer.toString(port),
        "--prebootcommandfile", preboot.toString(),
        "--postbootcommandfile", postboot.toString(),
        "--systemproperties", systemProperties.toString(),
        "--addlibs", runtime.resolve("postgresql.jar").toString(),
        "--rootdir", runDirectory.resolve("payara").toString(),
        "--deploy", runtime.resolve(war) + ":/"));
    return command;
  }

  private List<String> prebootCommands(String host, int maxThreads) {
    String config = "configs.config.server-config";
    int socketTimeoutMs = socketTimeoutMillis(env);
    String transport = config + ".network-config.transports.transport.tcp";
    return List.of(
        "set " + transport + ".read-timeout-millis=" + socketTimeoutMs,
        "set " + transport + ".write-timeout-millis=" + socketTimeoutMs,
        "set " + config + ".network-config.network-listeners.network-listener.http-listener.address="
            + host,
        "set " + transport + ".tcp-no-delay=true",
        "set " + config + ".network-config.protocols.protocol.http-listener.http.request-timeout-seconds=-1",
        "set " + config + ".thread-pools.thread-pool.http-thread-pool.max-thread-pool-size="
            + maxThreads);
  }

  /** Writes a file that only its owner can read, because it may contain the database password. */
  static void writePrivate(Path file, String text) throws IOException {
    Files.deleteIfExists(file);
    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static Map<String, String> orderedMap(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return Collections.unmodifiableMap(map);
  }

  private static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
