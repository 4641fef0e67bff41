package dev.claudenexus.proxy.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import dev.claudenexus.config.DatabaseUrl;
import dev.claudenexus.proxy.TestSettings;
import dev.claudenexus.proxy.credentials.CredentialStore;
import dev.claudenexus.schema.SchemaMigrator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Two proxy instances with their own credential directories share one PostgreSQL database: a token
 * pair is refreshed once, and both end up with the rotated pair.
 */
class SharedRefreshTest {

  private static final String DOMAIN = "max.example.com";
  private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

  @TempDir Path first;
  @TempDir Path second;

  private HttpServer tokenEndpoint;
  private final AtomicInteger refreshes = new AtomicInteger();
  private final CountDownLatch release = new CountDownLatch(1);
  private DatabaseUrl admin;
  private String database;
  private PGSimpleDataSource dataSource;

  @BeforeEach
  void start() throws Exception {
    String configured = System.getenv("NEXUS_TEST_DATABASE_URL");
    assumeTrue(configured != null && !configured.isBlank(), "NEXUS_TEST_DATABASE_URL is not set");
    admin = DatabaseUrl.parse(configured);
    database = "nexus_ut_oauth_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    try (Connection connection = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + database);
    }

    dataSource = new PGSimpleDataSource();
    dataSource.setURL("jdbc:postgresql://" + admin.host() + ":" + admin.port() + "/" + database);
    dataSource.setUser(admin.user());
    dataSource.setPassword(admin.password());
    SchemaMigrator.migrate(dataSource);

    tokenEndpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    tokenEndpoint.createContext("/token", exchange -> {
      exchange.getRequestBody().readAllBytes();
      int n = refreshes.incrementAndGet();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] body = ("{\"access_token\":\"access-" + n + "\",\"refresh_token\":\"refresh-" + n
          + "\",\"expires_in\":28800}").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    tokenEndpoint.setExecutor(Executors.newCachedThreadPool());
    tokenEndpoint.start();
  }

  @AfterEach
  void stop() throws Exception {
    if (tokenEndpoint != null) {
      tokenEndpoint.stop(0);
    }
    if (database != null) {
      try (Connection connection = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
          Statement statement = connection.createStatement()) {
        statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      }
    }
  }

  private OAuthRefresher instance(Path directory) throws Exception {
    Files.writeString(directory.resolve(DOMAIN + ".credentials.json"),
        "{\"type\":\"oauth\",\"accountId\":\"acc\",\"oauth\":{\"accessToken\":\"old\","
            + "\"refreshToken\":\"refresh-0\",\"expiresAt\":" + (System.currentTimeMillis() - 1000) + "}}");
    var constructor = CredentialStore.class.getDeclaredConstructor(Path.class, Duration.class);
    constructor.setAccessible(true);
    CredentialStore store = constructor.newInstance(directory, Duration.ZERO);
    OAuthRefresher refresher = OAuthTestSupport.refresher(TestSettings.create(Map.of(
        "CREDENTIALS_DIR", directory.toString(),
        "CLAUDE_OAUTH_TOKEN_URL", "http://127.0.0.1:" + tokenEndpoint.getAddress().getPort() + "/token")), store);
    refresher.shared = new SharedTokenStore(() -> dataSource, TokenCipher.fromBase64("KEY", KEY));
    return refresher;
  }

  @Test
  void twoInstancesRefreshOnce() throws Exception {
    OAuthRefresher one = instance(first);
    OAuthRefresher two = instance(second);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<String> a = pool.submit(() -> one.refresh(DOMAIN, OAuthRefresher.REFRESH_MARGIN_MS).accessToken());
      Future<String> b = pool.submit(() -> two.refresh(DOMAIN, OAuthRefresher.REFRESH_MARGIN_MS).accessToken());
      Thread.sleep(300);
      release.countDown();
      assertEquals("access-1", a.get(10, TimeUnit.SECONDS));
      assertEquals("access-1", b.get(10, TimeUnit.SECONDS));
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, refreshes.get());
    assertTrue(Files.readString(second.resolve(DOMAIN + ".credentials.json")).contains("refresh-1"));
    assertTrue(Files.readString(first.resolve(DOMAIN + ".credentials.json")).contains("refresh-1"));
  }

  @Test
  void storedTokensAreEncrypted() throws Exception {
    release.countDown();
    instance(first).refresh(DOMAIN, OAuthRefresher.REFRESH_MARGIN_MS);
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT encrypted_tokens FROM oauth_tokens")) {
      assertTrue(rows.next());
      String stored = rows.getString(1);
      assertNotEquals(-1, stored.length());
      assertTrue(!stored.contains("access-1"), stored);
      assertTrue(!stored.contains("refresh-1"), stored);
    }
  }
}
