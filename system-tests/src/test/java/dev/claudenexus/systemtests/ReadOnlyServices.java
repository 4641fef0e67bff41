package dev.claudenexus.systemtests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A second proxy and dashboard without {@code DASHBOARD_API_KEY}, so in read-only mode, on the
 * run's database. They are started together with {@code bin/nexus start} in their own home, without
 * {@code HOST}, so they bind to the default address. The run's main services keep the key, so the
 * key mode and the read-only mode are each tested on both ports. The loopback address is a trusted
 * proxy here, so a test can act as another client with {@code X-Forwarded-For} and get its own rate
 * limit. Its dashboard runs without the response cache ({@code DASHBOARD_CACHE_TTL=0}), and neither
 * service has a GitHub token or a Spark key.
 */
final class ReadOnlyServices implements ExtensionContext.Store.CloseableResource, AutoCloseable {

  /** Reads per minute and client; above the reads of all read-only tests together. */
  static final int READ_LIMIT = 300;

  final Path home;
  final int proxyPort;
  final int dashboardPort;
  private final NexusServer server;
  private final Map<String, String> env;

  private ReadOnlyServices(NexusServer server, Path home, Map<String, String> env, int proxyPort,
      int dashboardPort) {
    this.server = server;
    this.home = home;
    this.env = env;
    this.proxyPort = proxyPort;
    this.dashboardPort = dashboardPort;
  }

  static ReadOnlyServices start(NexusServer server) throws Exception {
    Path home = server.home.resolveSibling(server.home.getFileName() + "-read-only");
    NexusServer.deleteRecursively(home);
    Files.createDirectories(home.resolve("credentials"));
    int proxyPort = NexusServer.freePort();
    int dashboardPort = NexusServer.freePort();
    Map<String, String> env = new HashMap<>(server.environment());
    env.remove("DASHBOARD_API_KEY");
    // Without these settings the read-only services show the answers of an unconfigured sync and
    // Spark, and never compete with the main proxy for the sync lease.
    env.remove("MCP_GITHUB_TOKEN");
    env.remove("SPARK_API_KEY");
    env.remove("HOST");
    if (server.database.proxySettings().isEmpty()) {
      // The embedded H2 file lives in the main home; share it as a user would with two homes.
      env.put("DATABASE_JDBC_URL", server.database.jdbcUrl);
    }
    env.put("NEXUS_HOME", home.toString());
    env.put("PROXY_PORT", Integer.toString(proxyPort));
    env.put("DASHBOARD_PORT", Integer.toString(dashboardPort));
    env.put("CREDENTIALS_DIR", home.resolve("credentials").toString());
    env.put("TRUSTED_PROXIES", "127.0.0.1");
    env.put("DASHBOARD_READ_RATE_LIMIT", Integer.toString(READ_LIMIT));
    // The main dashboard caches reads; this one shows that 0 turns the cache off.
    env.put("DASHBOARD_CACHE_TTL", "0");
    ReadOnlyServices services = new ReadOnlyServices(server, home, env, proxyPort, dashboardPort);
    server.runElsewhere(home, env, "start");
    return services;
  }

  String proxyUrl() {
    return "http://127.0.0.1:" + proxyPort;
  }

  String dashboardUrl() {
    return "http://127.0.0.1:" + dashboardPort;
  }

  @Override
  public void close() throws Exception {
    server.runElsewhere(home, env, "stop");
  }
}
