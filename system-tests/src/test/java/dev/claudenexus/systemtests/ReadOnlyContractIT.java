package dev.claudenexus.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The read-only contract of {@code /api/*}, case by case, on both ports. It runs against {@link
 * ReadOnlyServices}: a proxy and a dashboard started without {@code DASHBOARD_API_KEY} on the run's
 * database, beside the run's main services, which keep the key (see {@link DashboardKeyModeIT}).
 */
@ExtendWith(NexusServerExtension.class)
class ReadOnlyContractIT {

  static final String READ_ONLY_BODY =
      "{\"error\":\"Read-only mode: This endpoint is not available without DASHBOARD_API_KEY\"}";

  private final NexusServer server;
  private final ReadOnlyServices readOnly;
  private final ApiClient api = new ApiClient();
  private final List<String> ports;

  ReadOnlyContractIT(NexusServer server, ReadOnlyServices readOnly) {
    this.server = server;
    this.readOnly = readOnly;
    this.ports = List.of(readOnly.proxyUrl(), readOnly.dashboardUrl());
  }

  @Test
  void everyWriteIsForbidden() throws Exception {
    for (String base : ports) {
      for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
        for (String path : List.of("/api/requests", "/api/analyses", "/api/no-such-endpoint/42")) {
          // Payara's HTTP layer rejects a DELETE with a body (400) before any application code.
          String body = method.equals("DELETE") ? null : "{}";
          HttpResponse<String> response = api.send(method, base + path, body,
              "Content-Type", "application/json");

          assertThat(response.statusCode()).as("%s %s%s", method, base, path).isEqualTo(403);
          assertThat(response.body()).as("%s %s%s", method, base, path).isEqualTo(READ_ONLY_BODY);
        }
      }
    }
  }

  @Test
  void writeWithKeyIsStillForbidden() throws Exception {
    for (String base : ports) {
      HttpResponse<String> response = api.send("POST", base + "/api/requests", "{}",
          "X-Dashboard-Key", NexusServer.DASHBOARD_KEY);

      assertThat(response.statusCode()).as(base).isEqualTo(403);
    }
  }

  @Test
  void readsNeedNoCredential() throws Exception {
    for (String base : ports) {
      for (String path : List.of("/api/requests", "/api/domains", "/api/token-usage/current")) {
        assertThat(api.get(base + path).statusCode()).as(base + path).isEqualTo(200);
      }
    }
  }

  @Test
  void unknownRequestIdIsNotFound() throws Exception {
    for (String base : ports) {
      HttpResponse<String> response = api.get(base + "/api/requests/" + UUID.randomUUID());

      assertThat(response.statusCode()).as(base).isEqualTo(404);
      assertThat(response.body()).as(base).isEqualTo("{\"error\":\"Request not found\"}");
    }
  }

  @Test
  void invalidCredentialsDoNotBlockReads() throws Exception {
    String[][] credentials = {
        {"X-Dashboard-Key", "wrong-key"},
        {"X-API-Key", "wrong-key"},
        {"Authorization", "Bearer wrong-token"},
        {"Cookie", "NEXUS_DASHBOARD_SESSION=forged; dashboard_auth=forged"},
    };
    for (String base : ports) {
      for (String[] credential : credentials) {
        HttpResponse<String> response = api.get(base + "/api/requests?limit=1", credential);

        assertThat(response.statusCode()).as("%s with %s", base, credential[0]).isEqualTo(200);
      }
    }
  }

  @Test
  void streamAnswersWithEventStream() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (String base : ports) {
      HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/requests/stream"))
          .header("Accept", "text/event-stream")
          .build();
      HttpResponse<java.io.InputStream> response =
          http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (var body = response.body()) {
        assertThat(response.statusCode()).as(base).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).as(base)
            .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
      }
    }
  }

  @Test
  void anonymousStreamsArePerClientLimited() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String url = readOnly.proxyUrl() + "/api/requests/stream";
    List<java.io.InputStream> open = new java.util.ArrayList<>();
    try {
      for (int i = 0; i < 20; i++) {
        HttpResponse<java.io.InputStream> response = http.send(streamRequest(url, "198.51.100.77"),
            HttpResponse.BodyHandlers.ofInputStream());
        open.add(response.body());
        assertThat(response.statusCode()).as("stream %d", i).isEqualTo(200);
      }

      HttpResponse<String> rejected = http.send(streamRequest(url, "198.51.100.77"),
          HttpResponse.BodyHandlers.ofString());
      assertThat(rejected.statusCode()).isEqualTo(429);
      assertThat(rejected.headers().firstValue("Retry-After")).hasValue("30");
      assertThat(rejected.body()).contains("too_many_streams").contains("20 event streams");
      HttpResponse<java.io.InputStream> other = http.send(streamRequest(url, "198.51.100.78"),
          HttpResponse.BodyHandlers.ofInputStream());
      open.add(other.body());
      assertThat(other.statusCode()).isEqualTo(200);
    } finally {
      for (java.io.InputStream body : open) {
        body.close();
      }
    }
  }

  private static HttpRequest streamRequest(String url, String client) {
    return HttpRequest.newBuilder(URI.create(url))
        .header("Accept", "text/event-stream")
        .header("X-Forwarded-For", client)
        .build();
  }

  @Test
  void tokenUsageWorksWithoutAccount() throws Exception {
    for (String base : ports) {
      HttpResponse<String> response = api.get(base + "/api/token-usage/current");
      JsonObject body = json(response.body());

      assertThat(response.statusCode()).as(base).isEqualTo(200);
      assertThat(body.containsKey("usage")).as(base + " has usage: " + body).isTrue();
      assertThat(body.getString("accountId")).as(base).isEqualTo("all");
    }
  }

  @Test
  void requestItemsCarryBodies() throws Exception {
    ProxyCalls calls = new ProxyCalls(server);
    calls.post("/v1/messages", ProxyCalls.messagesBody(false, "read-only bodies"));
    server.fake.takeRequest(Duration.ofSeconds(10));
    for (String base : ports) {
      JsonObject item = awaitFirstItem(base);

      assertThat(item.containsKey("request_body")).as(base + ": " + item).isTrue();
      assertThat(item.containsKey("response_body")).as(base + ": " + item).isTrue();
      assertThat(item.get("request_body").getValueType()).as(base)
          .isEqualTo(jakarta.json.JsonValue.ValueType.OBJECT);
    }
  }

  @Test
  void invalidLimitAnswersPlainMessage() throws Exception {
    for (String base : ports) {
      HttpResponse<String> response = api.get(base + "/api/requests?limit=invalid");

      assertThat(response.statusCode()).as(base).isEqualTo(400);
      assertThat(json(response.body()).getString("error")).as(base).startsWith("Invalid limit");
      assertThat(response.body()).as(base).doesNotContainIgnoringCase("sql")
          .doesNotContainIgnoringCase("jdbc").doesNotContain("Exception").doesNotContain("\tat ");
    }
  }

  @Test
  void burstOfFifteenReadsSucceeds() throws Exception {
    for (String base : ports) {
      String client = "198.51.100." + (base.equals(readOnly.proxyUrl()) ? 1 : 2);
      for (int i = 0; i < 15; i++) {
        HttpResponse<String> response = api.get(base + "/api/domains", "X-Forwarded-For", client);

        assertThat(response.statusCode()).as("%s read %d", base, i).isEqualTo(200);
      }
    }
  }

  @Test
  void sustainedFloodIsRateLimited() throws Exception {
    for (String base : ports) {
      String client = "198.51.100." + (base.equals(readOnly.proxyUrl()) ? 11 : 12);
      HttpResponse<String> limited = null;
      // Bounded: the allowance is READ_LIMIT, so 2 * READ_LIMIT requests must meet the limit.
      for (int i = 0; i < 2 * ReadOnlyServices.READ_LIMIT && limited == null; i++) {
        HttpResponse<String> response = api.get(base + "/api/requests/" + UUID.randomUUID(),
            "X-Forwarded-For", client);
        if (response.statusCode() == 429) {
          limited = response;
        }
      }

      assertThat(limited).as(base + " never answered 429").isNotNull();
      assertThat(limited.headers().firstValue("Retry-After")).as(base).isPresent();
      assertThat(api.get(base + "/api/domains", "X-Forwarded-For", "198.51.100.99").statusCode())
          .as("another client of " + base).isEqualTo(200);
    }
  }

  @Test
  void startupWarnsThatPromptsAreReadable() throws Exception {
    for (String service : List.of("proxy", "dashboard")) {
      String log = Files.readString(readOnly.home.resolve("logs/" + service + ".log"),
          StandardCharsets.ISO_8859_1);

      assertThat(log).as(service).contains("all stored prompts and responses are readable");
    }
  }
  @Test
  void onlyProxyRunsStorageWriter() throws Exception {
    // Both services share the home, and with it the storage journal: a writer in the dashboard
    // would replay the proxy's journal at the same time as the proxy.
    String proxyLog = Files.readString(readOnly.home.resolve("logs/proxy.log"), StandardCharsets.ISO_8859_1);
    String dashboardLog =
        Files.readString(readOnly.home.resolve("logs/dashboard.log"), StandardCharsets.ISO_8859_1);

    assertThat(proxyLog).contains("Storage writer started");
    assertThat(dashboardLog).doesNotContain("Storage writer started");
  }


  @Test
  void servicesBindToLoopbackByDefault() throws Exception {
    for (String service : List.of("proxy", "dashboard")) {
      String preboot = Files.readString(readOnly.home.resolve("run/" + service + "/preboot.asadmin"));

      assertThat(preboot).as(service).contains("http-listener.address=127.0.0.1");
    }
  }

  private JsonObject awaitFirstItem(String base) throws Exception {
    long deadline = System.nanoTime() + NexusServer.rowTimeout().toNanos();
    while (true) {
      HttpResponse<String> response = api.get(base + "/api/requests?limit=1");
      assertThat(response.statusCode()).as(base).isEqualTo(200);
      var items = json(response.body()).getJsonArray("requests");
      if (!items.isEmpty()) {
        return items.getJsonObject(0);
      }
      assertThat(System.nanoTime()).as("no stored request appeared at " + base).isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  static JsonObject json(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }
}
