package dev.claudenexus.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Calls each JSON query endpoint on the proxy's port with the dashboard key, after one inference
 * request has been stored, and checks the fields of its response and the 400 of invalid parameters.
 */
@ExtendWith(NexusServerExtension.class)
class QueryEndpointsIT {

  private final NexusServer server;
  private final ProxyCalls calls;

  QueryEndpointsIT(NexusServer server) {
    this.server = server;
    this.calls = new ProxyCalls(server);
  }

  private HttpResponse<String> get(String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
        .timeout(Duration.ofSeconds(30))
        .header("X-Dashboard-Key", NexusServer.DASHBOARD_KEY)
        .build();
    return calls.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private JsonObject json(String path) throws Exception {
    HttpResponse<String> response = get(path);
    assertEquals(200, response.statusCode(), path + " answered " + response.body());
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  private static void assertFields(JsonObject json, String... fields) {
    for (String field : fields) {
      assertTrue(json.containsKey(field), field + " is missing: " + json);
    }
  }

  @BeforeEach
  void storeInferenceRequest() throws Exception {
    calls.post("/v1/messages", ProxyCalls.inferenceBody(false, "Summarise the query endpoints"));
    server.fake.takeRequest(Duration.ofSeconds(10));
    long deadline = System.nanoTime() + NexusServer.rowTimeout().toNanos();
    while (json("/api/conversations?limit=1").getJsonArray("conversations").isEmpty()
        && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
  }

  @Test
  void statsInProxyShape() throws Exception {
    JsonObject stats = json("/api/stats");

    assertFields(stats, "totalRequests", "totalTokens", "totalInputTokens", "totalOutputTokens",
        "totalCacheCreationTokens", "totalCacheReadTokens", "averageResponseTime", "errorCount",
        "activeDomains", "requestsByModel", "requestsByType", "totalCostUsd");
    assertTrue(stats.getInt("totalRequests") >= 1, stats.toString());
  }

  @Test
  void storageStatsInDashboardShape() throws Exception {
    JsonObject json = json("/api/storage-stats?domain=127.0.0.1:" + server.port);

    assertEquals("ok", json.getString("status"));
    assertFields(json.getJsonObject("stats"), "total_requests", "total_tokens",
        "total_input_tokens", "total_output_tokens", "total_tool_calls", "avg_response_time_ms",
        "error_count", "unique_domains", "requests_by_model", "requests_by_type");
  }

  @Test
  void dashboardStatsCountConversations() throws Exception {
    JsonObject stats = json("/api/dashboard/stats");

    assertFields(stats, "totalConversations", "activeUsers", "totalRequests", "totalTokens",
        "totalBranches", "subtaskBranches", "compactBranches", "modelsUsed", "modelsUsedCount",
        "last24Hours", "hourlyActivity", "totalCostUsd");
    assertTrue(stats.getInt("totalConversations") >= 1, stats.toString());
  }

  @Test
  void conversationsPageByCursor() throws Exception {
    JsonObject first = json("/api/conversations?limit=1");
    JsonObject pagination = first.getJsonObject("pagination");

    assertFields(pagination, "total", "limit", "offset", "hasMore", "page", "totalPages",
        "nextCursor");
    assertFields(first.getJsonArray("conversations").getJsonObject(0), "conversationId", "domain",
        "accountId", "firstMessageTime", "lastMessageTime", "messageCount", "totalTokens",
        "branchCount", "subtaskBranchCount", "compactBranchCount", "userBranchCount", "modelsUsed",
        "latestRequestId", "latestModel", "latestContextTokens", "isSubtask",
        "parentTaskRequestId", "parentConversationId", "subtaskMessageCount");
    if (pagination.getBoolean("hasMore")) {
      JsonObject second = json("/api/conversations?limit=1&cursor="
          + pagination.getString("nextCursor"));
      assertFalse(second.getJsonArray("conversations").getJsonObject(0).getString("conversationId")
          .equals(first.getJsonArray("conversations").getJsonObject(0).getString("conversationId")));
    }
  }

  @Test
  void subtasksOfUnknownRequestEmpty() throws Exception {
    JsonObject json = json("/api/requests/" + UUID.randomUUID() + "/subtasks");

    assertEquals("ok", json.getString("status"));
    assertEquals(0, json.getInt("count"));
  }

  @Test
  void tokenUsageWithoutAccount() throws Exception {
    JsonObject daily = json("/api/token-usage/daily?aggregate=true");
    JsonObject series = json("/api/token-usage/time-series?window=1&interval=15");
    JsonObject accounts = json("/api/token-usage/accounts");

    assertFields(daily.getJsonArray("usage").getJsonObject(0), "date", "accountId", "domain",
        "totalInputTokens", "totalOutputTokens", "totalTokens", "totalRequests", "totalCostUsd");
    assertFields(series, "accountId", "windowHours", "intervalMinutes", "tokenLimit",
        "totalCostUsd", "timeSeries");
    assertEquals(5, series.getJsonArray("timeSeries").size());
    assertFields(accounts, "accounts", "tokenLimit");
    // Other test classes add accounts of their own, so the fixture's account is one of several.
    assertTrue(accounts.getJsonArray("accounts").stream()
            .anyMatch(a -> "acc_system_tests".equals(a.asJsonObject().getString("accountId"))),
        accounts::toString);
  }

  @Test
  void hourlyUsageAndSlidingWindow() throws Exception {
    String domain = "127.0.0.1:" + server.port;
    JsonObject requests = json("/api/usage/requests/hourly?days=1");
    JsonObject tokens = json("/api/usage/tokens/hourly?domain=" + domain);
    JsonObject window = json("/api/analytics/token-usage/sliding-window?days=1&bucketMinutes=60");

    assertTrue(requests.getJsonObject("data").containsKey(domain), requests.toString());
    assertEquals(domain, tokens.getJsonObject("query").getString("domain"));
    assertFields(window.getJsonObject("params"), "days", "bucketMinutes", "windowHours");
    assertFields(window.getJsonArray("data").getJsonObject(0), "time_bucket",
        "sliding_window_tokens", "rate_limit_warning_in_window");
  }

  @Test
  void costsByDayAndModel() throws Exception {
    JsonObject costs = json("/api/costs?groupBy=day,model&accountId=acc_system_tests");

    assertFields(costs, "from", "to", "domain", "accountId", "groupBy", "totalCostUsd",
        "totalRequests", "unpricedRequests", "costs");
    assertFields(costs.getJsonArray("costs").getJsonObject(0), "date", "model", "costUsd",
        "requests");
  }

  @Test
  void invalidParametersAnswer400() throws Exception {
    String[][] cases = {
        {"/api/stats?since=yesterday", "since"},
        {"/api/conversations?limit=-1", "limit"},
        {"/api/conversations?limit=invalid", "limit"},
        {"/api/conversations?offset=99999999999999999999", "offset"},
        {"/api/conversations?cursor=%27%20OR%201%3D1%20--", "cursor"},
        {"/api/token-usage/daily?days=0", "days"},
        {"/api/token-usage/time-series?interval=61", "interval"},
        {"/api/usage/requests/hourly?days=31", "days"},
        {"/api/analytics/token-usage/sliding-window?bucketMinutes=0", "bucketMinutes"},
        {"/api/costs?groupBy=week", "groupBy"},
        {"/api/costs?from=2020-01-01&to=2025-01-01", "from"},
        {"/api/requests/not-a-uuid/subtasks", "id"},
        {"/api/dashboard/stats?accountId=" + "a".repeat(300), "accountId"},
    };
    for (String[] c : cases) {
      HttpResponse<String> response = get(c[0]);
      assertEquals(400, response.statusCode(), c[0] + " answered " + response.body());
      String error = Json.createReader(new StringReader(response.body())).readObject()
          .getString("error");
      assertTrue(error.startsWith("Invalid " + c[1] + " "), c[0] + ": " + error);
      assertFalse(error.contains("SQL") || error.contains("Exception"), c[0] + ": " + error);
    }
  }
}
