package dev.claudenexus.proxy.oauth;

import static dev.claudenexus.json.JsonProviders.JSON;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.claudenexus.proxy.TestSettings;
import dev.claudenexus.credentials.CredentialFile;
import dev.claudenexus.proxy.credentials.CredentialStore;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
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

class OAuthRefresherTest {

  private static final String DOMAIN = "max.example.com";

  @TempDir Path credentials;

  private HttpServer tokenEndpoint;
  private final List<String> requestBodies = new CopyOnWriteArrayList<>();
  private final AtomicInteger refreshCount = new AtomicInteger();
  private volatile int status = 200;
  private volatile CountDownLatch release = new CountDownLatch(0);
  private CredentialStore store;
  private OAuthRefresher refresher;

  @BeforeEach
  void start() throws IOException {
    tokenEndpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    tokenEndpoint.createContext("/v1/oauth/token", exchange -> {
      requestBodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      int n = refreshCount.incrementAndGet();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] body = (status == 200
          ? "{\"access_token\":\"access-" + n + "\",\"refresh_token\":\"refresh-" + n
              + "\",\"expires_in\":28800,\"scope\":\"user:inference user:profile\"}"
          : "{\"error\":\"invalid_grant\",\"error_description\":\"Refresh token revoked\"}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    tokenEndpoint.setExecutor(Executors.newCachedThreadPool());
    tokenEndpoint.start();
    store = newStore();
    refresher = OAuthTestSupport.refresher(TestSettings.create(Map.of(
        "CREDENTIALS_DIR", credentials.toString(),
        "CLAUDE_OAUTH_TOKEN_URL", "http://127.0.0.1:" + tokenEndpoint.getAddress().getPort() + "/v1/oauth/token")),
        store);
  }

  @AfterEach
  void stop() {
    tokenEndpoint.stop(0);
  }

  private CredentialStore newStore() {
    try {
      var constructor = CredentialStore.class.getDeclaredConstructor(Path.class, Duration.class);
      constructor.setAccessible(true);
      return constructor.newInstance(credentials, Duration.ZERO);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private void writeCredential(long expiresAt, String refreshToken) throws IOException {
    String refresh = refreshToken == null ? "" : ",\"refreshToken\":\"" + refreshToken + "\"";
    Files.writeString(credentials.resolve(DOMAIN + ".credentials.json"),
        "{\"type\":\"oauth\",\"accountId\":\"acc_max\",\"client_api_key\":\"cnp_live_k\","
            + "\"slack\":{\"webhook_url\":\"https://hooks.example.com/x\"},\"custom\":[1,2],"
            + "\"oauth\":{\"accessToken\":\"old-access\"" + refresh + ",\"expiresAt\":" + expiresAt
            + ",\"scopes\":[\"user:inference\"],\"isMax\":true}}");
  }

  private CredentialFile file() {
    return store.forDomain(DOMAIN).orElseThrow();
  }

  private JsonObject fileJson() throws IOException {
    return JSON.createReader(new StringReader(
        Files.readString(credentials.resolve(DOMAIN + ".credentials.json")))).readObject();
  }

  @Test
  void validTokenUsedWithoutRefresh() throws Exception {
    writeCredential(System.currentTimeMillis() + 3_600_000, "refresh-0");

    assertEquals("old-access", refresher.accessToken(file()));
    assertEquals(0, refreshCount.get());
  }

  @Test
  void tokenRefreshedBeforeExpiry() throws Exception {
    writeCredential(System.currentTimeMillis() + 30_000, "refresh-0");

    assertEquals("access-1", refresher.accessToken(file()));
    assertEquals(1, refreshCount.get());
    assertTrue(requestBodies.get(0).contains("\"grant_type\":\"refresh_token\""));
    assertTrue(requestBodies.get(0).contains("\"refresh_token\":\"refresh-0\""));
    assertTrue(requestBodies.get(0).contains("\"client_id\":"));
  }

  @Test
  void rotatedPairWrittenKeepingOtherFields() throws Exception {
    writeCredential(System.currentTimeMillis() - 1000, "refresh-0");
    refresher.accessToken(file());
    JsonObject json = fileJson();

    assertEquals("access-1", json.getJsonObject("oauth").getString("accessToken"));
    assertEquals("refresh-1", json.getJsonObject("oauth").getString("refreshToken"));
    assertTrue(json.getJsonObject("oauth").getBoolean("isMax"));
    assertEquals("acc_max", json.getString("accountId"));
    assertEquals("cnp_live_k", json.getString("client_api_key"));
    assertEquals("https://hooks.example.com/x", json.getJsonObject("slack").getString("webhook_url"));
    assertEquals(2, json.getJsonArray("custom").size());
    assertEquals("access-1", file().oauth().accessToken());
    try (var files = Files.list(credentials)) {
      assertEquals(1, files.count(), "no temporary file is left behind");
    }
  }

  @Test
  void concurrentRequestsShareOneRefresh() throws Exception {
    writeCredential(System.currentTimeMillis() + 10_000, "refresh-0");
    release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(5);
    try {
      List<Future<String>> tokens = new ArrayList<>();
      CredentialFile expiring = file();
      for (int i = 0; i < 5; i++) {
        tokens.add(pool.submit(() -> refresher.accessToken(expiring)));
      }
      Thread.sleep(300);
      release.countDown();
      for (Future<String> token : tokens) {
        assertEquals("access-1", token.get(10, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, refreshCount.get());
  }

  @Test
  void revokedRefreshTokenNeedsLogin() throws Exception {
    writeCredential(System.currentTimeMillis() - 1000, "revoked");
    status = 400;

    OAuthRefreshException error = assertThrows(OAuthRefreshException.class, () -> refresher.accessToken(file()));
    assertTrue(error.reauthenticationRequired());
    assertTrue(error.getMessage().contains("log in again"), error.getMessage());
    assertThrows(OAuthRefreshException.class, () -> refresher.accessToken(file()));
    assertEquals(1, refreshCount.get(), "the back-off stops a second call to the endpoint");
    assertEquals("old-access", fileJson().getJsonObject("oauth").getString("accessToken"));
  }

  @Test
  void missingRefreshTokenNeedsLogin() throws Exception {
    writeCredential(System.currentTimeMillis() - 1000, null);

    OAuthRefreshException error = assertThrows(OAuthRefreshException.class, () -> refresher.accessToken(file()));
    assertTrue(error.getMessage().contains("no refreshToken"), error.getMessage());
    assertEquals(0, refreshCount.get());
  }

  @Test
  void errorMessagesHoldNoTokens() throws Exception {
    writeCredential(System.currentTimeMillis() - 1000, "revoked-secret-token");
    status = 400;

    OAuthRefreshException error = assertThrows(OAuthRefreshException.class, () -> refresher.accessToken(file()));
    assertTrue(!error.getMessage().contains("revoked-secret-token"));
    assertTrue(!error.getMessage().contains("old-access"));
  }

  @Test
  void crashLeftoverDoesNotDisturbRefresh() throws Exception {
    writeCredential(System.currentTimeMillis() - 1000, "refresh-0");
    // A crash between writing the temporary file and renaming it leaves the old file in place and a
    // partial temporary file beside it.
    Files.writeString(credentials.resolve(".refresh-123.tmp"), "{\"type\":\"oauth\",\"oauth\":{\"access");

    assertEquals(List.of(DOMAIN), store.domains());
    assertEquals("access-1", refresher.accessToken(file()));
    assertEquals("refresh-1", fileJson().getJsonObject("oauth").getString("refreshToken"));
  }

  @Test
  void backgroundTaskRefreshesExpiringTokens() throws Exception {
    writeCredential(System.currentTimeMillis() + 120_000, "refresh-0");
    BackgroundRefresh background = new BackgroundRefresh();
    background.credentials = store;
    background.refresher = refresher;
    background.refreshExpiring();

    assertEquals(1, refreshCount.get());
    assertEquals("access-1", fileJson().getJsonObject("oauth").getString("accessToken"));
  }

  @Test
  void backgroundTaskLeavesValidTokens() throws Exception {
    writeCredential(System.currentTimeMillis() + 3_600_000, "refresh-0");
    BackgroundRefresh background = new BackgroundRefresh();
    background.credentials = store;
    background.refresher = refresher;
    background.refreshExpiring();

    assertEquals(0, refreshCount.get());
  }
}
