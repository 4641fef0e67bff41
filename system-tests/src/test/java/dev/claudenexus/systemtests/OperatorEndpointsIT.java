package dev.claudenexus.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NexusServerExtension.class)
class OperatorEndpointsIT {

  private final NexusServer server;
  private final ProxyCalls calls;

  OperatorEndpointsIT(NexusServer server) {
    this.server = server;
    this.calls = new ProxyCalls(server);
  }

  private HttpResponse<String> get(String path, String dashboardKey) throws Exception {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server.baseUrl() + path));
    if (dashboardKey != null) {
      builder.header("X-Dashboard-Key", dashboardKey);
    }
    return calls.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void rootDescribesTheService() throws Exception {
    HttpResponse<String> response = get("/", null);

    assertEquals(200, response.statusCode());
    assertTrue(response.body().contains("\"service\":\"claude-nexus\""));
    assertTrue(response.body().contains("\"status\":\"operational\""));
  }

  @Test
  void healthReportsDatabaseState() throws Exception {
    HttpResponse<String> response = get("/health", null);

    assertEquals(200, response.statusCode());
    assertTrue(response.body().contains("\"database\":\"connected\""), response.body());
  }

  @Test
  void proxyReportsStarted() throws Exception {
    HttpResponse<String> response = get("/health/started", null);

    assertEquals(200, response.statusCode());
    assertTrue(response.body().contains("\"name\":\"claude-nexus-proxy-started\""), response.body());
    assertTrue(response.body().contains("\"status\":\"UP\""), response.body());
  }

  @Test
  void dashboardReadyWhileDatabaseAnswers() throws Exception {
    String dashboard = server.dashboardUrl();
    HttpResponse<String> ready = calls.send(
        HttpRequest.newBuilder(URI.create(dashboard + "/health/ready")).build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> started = calls.send(
        HttpRequest.newBuilder(URI.create(dashboard + "/health/started")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertEquals(200, ready.statusCode());
    assertTrue(ready.body().contains("\"name\":\"claude-nexus-dashboard-database\""), ready.body());
    assertTrue(ready.body().contains("\"database\":\"connected\""), ready.body());
    assertEquals(200, started.statusCode());
    assertTrue(started.body().contains("\"name\":\"claude-nexus-dashboard-started\""), started.body());
  }

  @Test
  void apiNeedsDashboardKey() throws Exception {
    assertEquals(401, get("/api/domains", null).statusCode());
    assertEquals(401, get("/api/domains", "wrong-key").statusCode());
  }

  @Test
  void apiDomainsListsRecentDomain() throws Exception {
    calls.post("/v1/messages", ProxyCalls.messagesBody(false, "list my domain"));
    server.fake.takeRequest(Duration.ofSeconds(10));
    String domain = "127.0.0.1:" + server.port;
    long deadline = System.nanoTime() + NexusServer.rowTimeout().toNanos();
    HttpResponse<String> response = get("/api/domains", NexusServer.DASHBOARD_KEY);
    while (!response.body().contains(domain) && System.nanoTime() < deadline) {
      Thread.sleep(200);
      response = get("/api/domains", NexusServer.DASHBOARD_KEY);
    }

    assertEquals(200, response.statusCode());
    assertTrue(response.body().contains("{\"domain\":\"" + domain + "\",\"requestCount\":"),
        response.body());
  }

  @Test
  void tokenStatsNeedDashboardKey() throws Exception {
    assertEquals(401, get("/token-stats", null).statusCode());
    assertEquals(403, get("/token-stats", "wrong-key").statusCode());
  }

  @Test
  void tokenStatsCountRequestsPerDomain() throws Exception {
    calls.post("/v1/messages", ProxyCalls.messagesBody(false, "count me"));
    server.fake.takeRequest(Duration.ofSeconds(10));
    HttpResponse<String> response =
        get("/token-stats?domain=127.0.0.1:" + server.port, NexusServer.DASHBOARD_KEY);

    assertEquals(200, response.statusCode());
    assertTrue(response.body().contains("\"requestCount\":"), response.body());
    assertTrue(response.body().contains("\"inputTokens\":"), response.body());
  }

  @Test
  void oauthMetricsNeedDashboardKey() throws Exception {
    assertEquals(401, get("/oauth-metrics", null).statusCode());
    HttpResponse<String> response = get("/oauth-metrics", NexusServer.DASHBOARD_KEY);

    assertEquals(200, response.statusCode());
    for (String field : new String[] {"attempts", "successes", "failures", "concurrentWaits",
        "totalRefreshTime", "currentActiveRefreshes", "currentFailedRefreshes"}) {
      assertTrue(response.body().contains("\"" + field + "\":"), field + " is missing: " + response.body());
    }
  }

  @Test
  void startupLogsCredentialStatus() throws Exception {
    String log = java.nio.file.Files.readString(server.home.resolve("logs/proxy.log"),
        java.nio.charset.StandardCharsets.ISO_8859_1);

    assertTrue(log.contains("Credential file 127.0.0.1:" + server.port
        + ".credentials.json: valid (api_key), account acc_system_tests, client key present"), "status line missing");
    assertTrue(!log.contains(server.clientKey), "the log contains the client key");
  }
}
