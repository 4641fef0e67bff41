package dev.claudenexus.systemtests;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A proxy and dashboard with single sign-on against a real OpenID Connect provider
 * (mock-oauth2-server on 127.0.0.1), on the run's database. They keep the dashboard key, so the
 * key and single sign-on are tested side by side. Members of {@link #ADMIN_GROUP} are admins, of
 * {@link #VIEWER_GROUP} viewers. Neither service has a GitHub token, a Spark key or the analysis
 * worker, so an admin's writes end in the responses of an unconfigured sync and Spark, and these
 * services never compete with the main proxy for work.
 */
final class SsoServices implements ExtensionContext.Store.CloseableResource, AutoCloseable {

  static final String ISSUER_ID = "nexus";
  static final String CLIENT_ID = "nexus-dashboard";
  static final String CLIENT_SECRET = "nexus-dashboard-secret";
  static final String ADMIN_GROUP = "nexus-admins";
  static final String VIEWER_GROUP = "nexus-viewers";

  final MockOAuth2Server provider;
  final Path home;
  final int proxyPort;
  final int dashboardPort;
  private final NexusServer server;
  private final Map<String, String> env;
  private final ApiClient api = new ApiClient();

  private SsoServices(NexusServer server, MockOAuth2Server provider, Path home,
      Map<String, String> env, int proxyPort, int dashboardPort) {
    this.server = server;
    this.provider = provider;
    this.home = home;
    this.env = env;
    this.proxyPort = proxyPort;
    this.dashboardPort = dashboardPort;
  }

  static SsoServices start(NexusServer server) throws Exception {
    MockOAuth2Server provider = new MockOAuth2Server();
    provider.start(InetAddress.getByName("127.0.0.1"), 0);
    Path home = server.home.resolveSibling(server.home.getFileName() + "-sso");
    NexusServer.deleteRecursively(home);
    Files.createDirectories(home.resolve("credentials"));
    int proxyPort = NexusServer.freePort();
    int dashboardPort = NexusServer.freePort();
    Map<String, String> env = new HashMap<>(server.environment());
    env.remove("MCP_GITHUB_TOKEN");
    env.remove("SPARK_API_KEY");
    env.put("AI_WORKER_ENABLED", "false");
    if (server.database.proxySettings().isEmpty()) {
      // The embedded H2 file lives in the main home; share it as a user would with two homes.
      env.put("DATABASE_JDBC_URL", server.database.jdbcUrl);
    }
    env.put("NEXUS_HOME", home.toString());
    env.put("PROXY_PORT", Integer.toString(proxyPort));
    env.put("DASHBOARD_PORT", Integer.toString(dashboardPort));
    env.put("CREDENTIALS_DIR", home.resolve("credentials").toString());
    env.put("OIDC_ISSUER_URI", issuer(provider));
    env.put("OIDC_CLIENT_ID", CLIENT_ID);
    env.put("OIDC_CLIENT_SECRET", CLIENT_SECRET);
    env.put("OIDC_ADMIN_GROUPS", ADMIN_GROUP + ", platform-admins");
    env.put("OIDC_VIEWER_GROUPS", VIEWER_GROUP);
    SsoServices services = new SsoServices(server, provider, home, env, proxyPort, dashboardPort);
    try {
      server.runElsewhere(home, env, "start");
    } catch (Exception | AssertionError e) {
      services.close();
      throw e;
    }
    return services;
  }

  /** Returns the issuer with 127.0.0.1 as host, the one address the browser under test resolves. */
  static String issuer(MockOAuth2Server provider) {
    return "http://127.0.0.1:" + provider.baseUrl().port() + "/" + ISSUER_ID;
  }

  String issuer() {
    return issuer(provider);
  }

  String proxyUrl() {
    return "http://127.0.0.1:" + proxyPort;
  }

  String dashboardUrl() {
    return "http://127.0.0.1:" + dashboardPort;
  }

  /**
   * Makes the provider's next token response name this user with these groups, for the audience
   * {@link #CLIENT_ID}, valid for {@code expirySeconds} from now.
   */
  void nextUser(String user, List<String> groups, long expirySeconds) {
    nextToken(user, groups, List.of(CLIENT_ID), expirySeconds);
  }

  void nextToken(String user, List<String> groups, List<String> audience, long expirySeconds) {
    provider.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, user, "JWT", audience,
        Map.of("preferred_username", user, "groups", groups), expirySeconds));
  }

  /**
   * Returns an access token that the provider issues over HTTP (client credentials grant) for this
   * user, groups and audience; {@code expirySeconds} may be negative for an expired token.
   */
  String token(String user, List<String> groups, List<String> audience, long expirySeconds)
      throws IOException, InterruptedException {
    nextToken(user, groups, audience, expirySeconds);
    String body = "grant_type=client_credentials&scope=openid"
        + "&client_id=" + URLEncoder.encode(CLIENT_ID, StandardCharsets.UTF_8)
        + "&client_secret=" + URLEncoder.encode(CLIENT_SECRET, StandardCharsets.UTF_8);
    HttpResponse<String> response = api.send("POST", issuer() + "/token", body,
        "Content-Type", "application/x-www-form-urlencoded");
    if (response.statusCode() != 200) {
      throw new IllegalStateException("The provider issued no token: " + response.body());
    }
    return ReadOnlyContractIT.json(response.body()).getString("access_token");
  }

  /** Returns the path and query of the provider's next recorded request to a path ending in {@code suffix}. */
  URI awaitProviderRequest(String suffix) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      RecordedRequest request = provider.takeRequest(1, TimeUnit.SECONDS);
      if (request != null && request.getRequestUrl() != null
          && request.getRequestUrl().encodedPath().endsWith(suffix)) {
        return request.getRequestUrl().uri();
      }
    }
    throw new AssertionError("The provider got no request to *" + suffix + " within 15 s");
  }

  /** Waits for the provider's next token request with this grant type and returns its form body. */
  String awaitTokenRequest(String grantType) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      RecordedRequest request = provider.takeRequest(1, TimeUnit.SECONDS);
      if (request != null && request.getRequestUrl() != null
          && request.getRequestUrl().encodedPath().endsWith("/token")) {
        String body = request.getBody().readUtf8();
        if (body.contains("grant_type=" + grantType)) {
          return body;
        }
      }
    }
    throw new AssertionError("The provider got no " + grantType + " token request within 15 s");
  }

  @Override
  public void close() throws Exception {
    try {
      server.runElsewhere(home, env, "stop");
    } finally {
      provider.shutdown();
    }
  }
}
