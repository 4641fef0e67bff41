package dev.claudenexus.systemtests;

import static dev.claudenexus.systemtests.PrometheusText.labels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.claudenexus.testsupport.anthropic.FakeReply;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scrapes {@code /api/metrics} of the proxy and the dashboard around real traffic, and checks
 * values, labels, the label cap and access. Counters are cumulative over the run, so each check
 * compares a scrape after the traffic with one before it.
 */
@ExtendWith(NexusServerExtension.class)
class MetricsIT {

  private static final String METRICS = "/api/metrics";
  /** How long a test waits for a value that is recorded after the response has ended. */
  private static final Duration SETTLE = Duration.ofSeconds(20);
  private static final String PRICED_MODEL = "claude-sonnet-4";

  private final NexusServer server;
  private final ProxyCalls calls;

  MetricsIT(NexusServer server) {
    this.server = server;
    this.calls = new ProxyCalls(server);
  }

  private HttpResponse<String> get(String url, String... headers) throws Exception {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return calls.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }

  private PrometheusText scrape(String baseUrl) throws Exception {
    HttpResponse<String> response = get(baseUrl + METRICS, "Authorization", "Bearer " + NexusServer.DASHBOARD_KEY);
    assertEquals(200, response.statusCode(), response.body());
    return PrometheusText.parse(response.body());
  }

  /** Scrapes until the condition holds, and returns the last scrape; fails after {@link #SETTLE}. */
  private PrometheusText awaitScrape(String baseUrl, Predicate<PrometheusText> condition) throws Exception {
    long deadline = System.nanoTime() + SETTLE.toNanos();
    PrometheusText last = scrape(baseUrl);
    while (!condition.test(last) && System.nanoTime() < deadline) {
      Thread.sleep(200);
      last = scrape(baseUrl);
    }
    return last;
  }

  @Test
  void proxyCountsRequestsByLabels() throws Exception {
    Map<String, String> ok = labels("service", "proxy", "domain", server.domain(), "model", PRICED_MODEL,
        "request_type", "query_evaluation", "status", "200");
    Map<String, String> failed = labels("service", "proxy", "domain", server.domain(), "model", PRICED_MODEL,
        "request_type", "query_evaluation", "status", "400");
    PrometheusText before = scrape(server.baseUrl());

    assertEquals(200, calls.post("/v1/messages", ProxyCalls.messagesBody(false, "metrics plain")).statusCode());
    assertEquals(200, calls.post("/v1/messages", ProxyCalls.messagesBody(true, "metrics stream")).statusCode());
    server.fake.enqueue(FakeReply.json(400,
        "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"bad\"}}"));
    assertEquals(400, calls.post("/v1/messages", ProxyCalls.messagesBody(false, "metrics error")).statusCode());

    double okBefore = before.value("nexus_proxy_requests_total", ok);
    double failedBefore = before.value("nexus_proxy_requests_total", failed);
    PrometheusText after = awaitScrape(server.baseUrl(),
        text -> text.value("nexus_proxy_requests_total", ok) >= okBefore + 2
            && text.value("nexus_proxy_requests_total", failed) >= failedBefore + 1);
    assertEquals(okBefore + 2, after.value("nexus_proxy_requests_total", ok));
    assertEquals(failedBefore + 1, after.value("nexus_proxy_requests_total", failed));
    assertEquals("counter", after.type("nexus_proxy_requests_total").orElse(null));
  }

  @Test
  void proxyRecordsLatencyHistograms() throws Exception {
    Map<String, String> streamed = labels("service", "proxy", "request_type", "query_evaluation", "streaming", "true");
    PrometheusText before = scrape(server.baseUrl());
    double countBefore = before.value("nexus_upstream_duration_seconds_count", streamed);
    double firstByteBefore = before.value("nexus_upstream_first_byte_seconds_count", streamed);

    assertEquals(200, calls.post("/v1/messages", ProxyCalls.messagesBody(true, "histogram")).statusCode());

    PrometheusText after = awaitScrape(server.baseUrl(),
        text -> text.value("nexus_upstream_duration_seconds_count", streamed) >= countBefore + 1);
    assertEquals(countBefore + 1, after.value("nexus_upstream_duration_seconds_count", streamed));
    assertEquals(firstByteBefore + 1, after.value("nexus_upstream_first_byte_seconds_count", streamed));
    assertEquals("histogram", after.type("nexus_upstream_duration_seconds").orElse(null));
    Map<String, String> infinite = new HashMap<>(streamed);
    infinite.put("le", "+Inf");
    assertEquals(after.value("nexus_upstream_duration_seconds_count", streamed),
        after.value("nexus_upstream_duration_seconds_bucket", infinite));
    assertTrue(after.find("nexus_upstream_duration_seconds_bucket", streamed).size() > 10,
        "the histogram has its buckets");
  }

  @Test
  void proxyCountsTokensAndCost() throws Exception {
    Map<String, String> account = labels("service", "proxy", "account", "acc_system_tests", "model", PRICED_MODEL);
    PrometheusText before = scrape(server.baseUrl());
    double inputBefore = before.value("nexus_tokens_total", with(account, "kind", "input"));
    double outputBefore = before.value("nexus_tokens_total", with(account, "kind", "output"));
    double costBefore = before.value("nexus_cost_usd_total", account);

    // The fake replies to a plain call with 10 input and 5 output tokens.
    assertEquals(200, calls.post("/v1/messages", ProxyCalls.messagesBody(false, "tokens")).statusCode());

    PrometheusText after = awaitScrape(server.baseUrl(),
        text -> text.value("nexus_tokens_total", with(account, "kind", "output")) >= outputBefore + 5);
    assertEquals(inputBefore + 10, after.value("nexus_tokens_total", with(account, "kind", "input")));
    assertEquals(outputBefore + 5, after.value("nexus_tokens_total", with(account, "kind", "output")));
    // claude-sonnet-4 costs 3 and 15 US dollars per million input and output tokens.
    assertEquals(costBefore + (10 * 3 + 5 * 15) / 1_000_000.0, after.value("nexus_cost_usd_total", account), 1e-9);
  }

  @Test
  void unknownModelsShareOneLabel() throws Exception {
    Map<String, String> other = labels("service", "proxy", "domain", server.domain(), "model", "other",
        "request_type", "query_evaluation", "status", "200");
    PrometheusText before = scrape(server.baseUrl());
    int seriesBefore = before.samples().size();
    double otherBefore = before.value("nexus_proxy_requests_total", other);
    int distinctModels = 25;

    for (int i = 0; i < distinctModels; i++) {
      String body = ProxyCalls.messagesBody(false, "cap").replace(ProxyCalls.MODEL, "hostile-model-" + i);
      assertEquals(200, calls.post("/v1/messages", body).statusCode());
    }

    PrometheusText after = awaitScrape(server.baseUrl(),
        text -> text.value("nexus_proxy_requests_total", other) >= otherBefore + distinctModels);
    assertEquals(otherBefore + distinctModels, after.value("nexus_proxy_requests_total", other));
    assertTrue(after.samples().stream().noneMatch(sample -> sample.labels().values().stream()
        .anyMatch(value -> value.startsWith("hostile-model"))), "no label carries a client's model name");
    // Only the first use of the label "other" can add series (requests, tokens, latency buckets).
    assertTrue(after.samples().size() - seriesBefore < distinctModels,
        "series grew from " + seriesBefore + " to " + after.samples().size());
  }

  @Test
  void proxyExportsStorageGauges() throws Exception {
    PrometheusText before = scrape(server.baseUrl());
    Map<String, String> stored = labels("service", "proxy", "result", "stored");
    double batchesBefore = before.value("nexus_storage_batch_seconds_count", stored);

    assertEquals(200, calls.post("/v1/messages", ProxyCalls.messagesBody(false, "storage")).statusCode());

    PrometheusText after = awaitScrape(server.baseUrl(),
        text -> text.value("nexus_storage_batch_seconds_count", stored) > batchesBefore);
    assertTrue(after.value("nexus_storage_batch_seconds_count", stored) > batchesBefore);
    assertEquals(1, after.find("nexus_storage_queue_records", labels("service", "proxy")).size());
    assertEquals(1, after.find("nexus_storage_journal_bytes", labels("service", "proxy")).size());
    assertTrue(after.value("nexus_storage_journal_bytes", labels("service", "proxy")) >= 0);
  }

  @Test
  void oauthRefreshCounted() throws Exception {
    String domain = "metrics-oauth.example.com";
    String clientKey = "cnp_live_metricsoauthkey";
    // The counts are taken before the credential file exists, because the proxy may refresh a
    // token that expires soon as soon as it detects the file.
    PrometheusText before = scrape(server.baseUrl());
    int refreshesBefore = server.tokenEndpoint.refreshes.get();
    double attemptsBefore = before.value("nexus_oauth_refresh_attempts_total", labels("service", "proxy"));
    double successesBefore = before.value("nexus_oauth_refresh_successes_total", labels("service", "proxy"));
    Path file = server.home.resolve("credentials").resolve(domain + ".credentials.json");
    NexusServer.writeCredentialFile(file, "{\"type\":\"oauth\",\"accountId\":\"acc_metrics\",\"client_api_key\":\"" + clientKey
        + "\",\"oauth\":{\"accessToken\":\"old-access\",\"refreshToken\":\"refresh-metrics\",\"expiresAt\":"
        + (System.currentTimeMillis() + 20_000) + ",\"scopes\":[\"user:inference\"],\"isMax\":true}}");

    try {
      // The proxy rejects the key with 401 until its credential watcher has read the new file.
      String response = RawHttp.postMessages(server.port, domain, clientKey, ProxyCalls.messagesBody(false, "oauth"));
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
      while (RawHttp.status(response) == 401 && System.nanoTime() < deadline) {
        Thread.sleep(100);
        response = RawHttp.postMessages(server.port, domain, clientKey, ProxyCalls.messagesBody(false, "oauth"));
      }
      assertEquals(200, RawHttp.status(response), response);
    } finally {
      Files.delete(file);
    }

    PrometheusText after = scrape(server.baseUrl());
    assertTrue(server.tokenEndpoint.refreshes.get() > refreshesBefore, "the token endpoint saw a refresh");
    assertTrue(after.value("nexus_oauth_refresh_attempts_total", labels("service", "proxy")) >= attemptsBefore + 1);
    assertTrue(after.value("nexus_oauth_refresh_successes_total", labels("service", "proxy")) >= successesBefore + 1);
    String json = get(server.baseUrl() + "/oauth-metrics", "X-Dashboard-Key", NexusServer.DASHBOARD_KEY).body();
    long jsonAttempts = Long.parseLong(json.replaceAll(".*\"attempts\":(\\d+).*", "$1"));
    assertEquals(jsonAttempts, (long) after.value("nexus_oauth_refresh_attempts_total", labels("service", "proxy")));
  }

  @Test
  void apiRequestsLabelledByTemplate() throws Exception {
    String dashboard = server.dashboardUrl();
    Map<String, String> detail = labels("service", "dashboard", "method", "GET",
        "endpoint", "/api/requests/{id}", "status", "404");
    Map<String, String> unmatched = labels("service", "dashboard", "method", "GET", "endpoint", "unmatched",
        "status", "404");
    Map<String, String> denied = labels("service", "dashboard", "method", "GET", "endpoint", "unmatched",
        "status", "401");
    PrometheusText before = scrape(dashboard);

    String key = NexusServer.DASHBOARD_KEY;
    assertEquals(404, get(dashboard + "/api/requests/123e4567-e89b-12d3-a456-426614174000", "X-Dashboard-Key", key).statusCode());
    assertEquals(404, get(dashboard + "/api/requests/223e4567-e89b-12d3-a456-426614174000", "X-Dashboard-Key", key).statusCode());
    assertEquals(404, get(dashboard + "/api/no-such-endpoint-" + System.nanoTime(), "X-Dashboard-Key", key).statusCode());
    assertEquals(401, get(dashboard + "/api/domains").statusCode());

    PrometheusText after = scrape(dashboard);
    assertEquals(before.value("nexus_api_requests_seconds_count", detail) + 2,
        after.value("nexus_api_requests_seconds_count", detail));
    assertEquals(before.value("nexus_api_requests_seconds_count", unmatched) + 1,
        after.value("nexus_api_requests_seconds_count", unmatched));
    assertEquals(before.value("nexus_api_requests_seconds_count", denied) + 1,
        after.value("nexus_api_requests_seconds_count", denied));
    assertTrue(after.samples().stream().noneMatch(sample -> sample.labels().values().stream()
        .anyMatch(value -> value.contains("no-such-endpoint") || value.contains("123e4567"))),
        "no label carries a raw path");
  }

  @Test
  void dashboardPagesLabelledByMapping() throws Exception {
    String dashboard = server.dashboardUrl();
    PrometheusText before = scrape(dashboard);
    double pagesBefore = before.sum("nexus_page_requests_seconds_count", labels("service", "dashboard"));

    HttpResponse<String> page = get(dashboard + "/dashboard/requests", "X-Dashboard-Key", NexusServer.DASHBOARD_KEY);
    assertEquals(200, page.statusCode());
    assertEquals(404, get(dashboard + "/no-such-page-" + System.nanoTime()).statusCode());

    PrometheusText after = scrape(dashboard);
    assertTrue(after.sum("nexus_page_requests_seconds_count", labels("service", "dashboard")) >= pagesBefore + 2);
    List<String> pages = after.find("nexus_page_requests_seconds_count", labels("service", "dashboard")).stream()
        .map(sample -> sample.labels().get("page"))
        .distinct()
        .toList();
    assertTrue(pages.stream().anyMatch(name -> name.contains("requests")), "pages: " + pages);
    assertTrue(pages.stream().noneMatch(name -> name.contains("no-such-page")), "pages: " + pages);
    assertTrue(pages.stream().noneMatch(name -> name.startsWith("/api")), "pages: " + pages);
  }

  @Test
  void dashboardCountsEventStreams() throws Exception {
    String dashboard = server.dashboardUrl();
    Map<String, String> requests = labels("service", "dashboard", "stream", "requests");
    try (SseReader reader = SseReader.open(dashboard + "/api/requests/stream", "X-Dashboard-Key",
        NexusServer.DASHBOARD_KEY)) {
      reader.awaitEvent("connected", Duration.ofSeconds(10));

      PrometheusText open = scrape(dashboard);
      assertTrue(open.value("nexus_sse_connections", requests) >= 1, "an open stream is counted");
      assertEquals("gauge", open.type("nexus_sse_connections").orElse(null));
    }
  }

  @Test
  void analysisJobsMatchDatabase() throws Exception {
    Map<String, Long> stored = analysisCounts();
    for (String base : List.of(server.baseUrl(), server.dashboardUrl())) {
      PrometheusText text = awaitScrape(base, scrape -> stored.entrySet().stream().allMatch(entry ->
          scrape.value("nexus_analysis_jobs", labels("state", entry.getKey())) == entry.getValue()));
      for (String state : List.of("pending", "processing", "completed", "failed")) {
        assertEquals(1, text.find("nexus_analysis_jobs", labels("state", state)).size(), base + " " + state);
      }
      for (Map.Entry<String, Long> entry : stored.entrySet()) {
        assertEquals(entry.getValue(), (long) text.value("nexus_analysis_jobs", labels("state", entry.getKey())),
            base + " " + entry.getKey());
      }
    }
  }

  private Map<String, Long> analysisCounts() throws Exception {
    Map<String, Long> counts = new HashMap<>();
    try (Connection connection = server.database.connect();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT status, COUNT(*) FROM conversation_analyses WHERE status IN"
                + " ('completed', 'failed') GROUP BY status")) {
      while (rows.next()) {
        counts.put(rows.getString(1), rows.getLong(2));
      }
    }
    return counts;
  }

  @Test
  void metricsNeedDashboardKey() throws Exception {
    for (String base : List.of(server.baseUrl(), server.dashboardUrl())) {
      assertEquals(401, get(base + METRICS).statusCode(), base);
      assertEquals(401, get(base + METRICS, "Authorization", "Bearer wrong-key").statusCode(), base);
      HttpResponse<String> allowed = get(base + METRICS, "Authorization", "Bearer " + NexusServer.DASHBOARD_KEY);
      assertEquals(200, allowed.statusCode(), base);
      assertTrue(allowed.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
          allowed.headers().toString());
      assertTrue(allowed.body().contains("jvm_memory_used_bytes"), "the JVM's meters are included");
    }
  }

  @Test
  void payaraMetricsSwitchedOff() throws Exception {
    for (String base : List.of(server.baseUrl(), server.dashboardUrl())) {
      HttpResponse<String> payara = get(base + "/metrics");
      assertTrue(payara.statusCode() == 404 || !payara.body().contains("# TYPE"),
          base + "/metrics answered " + payara.statusCode() + ": " + payara.body());
    }
  }

  @Test
  void readOnlyMetricsOpen(ReadOnlyServices readOnly) throws Exception {
    for (int port : List.of(readOnly.proxyPort, readOnly.dashboardPort)) {
      HttpResponse<String> response = get("http://127.0.0.1:" + port + METRICS);
      assertEquals(200, response.statusCode(), "port " + port);
      PrometheusText text = PrometheusText.parse(response.body());
      assertTrue(text.find("nexus_sse_connections", Map.of()).size() == 2, "port " + port);
    }
  }

  private static Map<String, String> with(Map<String, String> labels, String name, String value) {
    Map<String, String> result = new HashMap<>(labels);
    result.put(name, value);
    return result;
  }
}
