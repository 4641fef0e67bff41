package dev.claudenexus.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /api/*} with {@code DASHBOARD_API_KEY} set, on both ports of the run's main services, and
 * the response shapes of each port. The read-only mode is tested by {@link ReadOnlyContractIT}.
 */
@ExtendWith(NexusServerExtension.class)
class DashboardKeyModeIT {

  private static final String[][] VALID_KEYS = {
      {"X-Dashboard-Key", NexusServer.DASHBOARD_KEY},
      {"X-API-Key", NexusServer.DASHBOARD_KEY},
      {"Authorization", "Bearer " + NexusServer.DASHBOARD_KEY},
  };

  private final NexusServer server;
  private final ApiClient api = new ApiClient();
  private final List<String> ports;

  DashboardKeyModeIT(NexusServer server) throws Exception {
    this.server = server;
    this.ports = List.of(server.baseUrl(), server.dashboardUrl());
  }

  @Test
  void requestsWithoutValidKeyAreUnauthorized() throws Exception {
    for (String base : ports) {
      for (String method : List.of("GET", "POST", "DELETE")) {
        assertThat(api.send(method, base + "/api/requests", null).statusCode())
            .as("%s %s without a key", method, base).isEqualTo(401);
        assertThat(api.send(method, base + "/api/requests", null, "X-Dashboard-Key", "wrong")
            .statusCode()).as("%s %s with a wrong key", method, base).isEqualTo(401);
      }
      assertThat(api.get(base + "/api/no-such-endpoint").statusCode()).as(base).isEqualTo(401);
    }
  }

  @Test
  void everyKeyHeaderAllowsReads() throws Exception {
    for (String base : ports) {
      for (String[] key : VALID_KEYS) {
        HttpResponse<String> response = api.get(base + "/api/requests?limit=1", key);

        assertThat(response.statusCode()).as("%s with %s", base, key[0]).isEqualTo(200);
      }
    }
  }

  @Test
  void keyAllowsWrites() throws Exception {
    for (String base : ports) {
      // No write endpoint exists yet at this path, so passing the access rules ends in 405.
      HttpResponse<String> response = api.send("POST", base + "/api/requests", "{}",
          "X-Dashboard-Key", NexusServer.DASHBOARD_KEY, "Content-Type", "application/json");

      assertThat(response.statusCode()).as(base).isEqualTo(405);
    }
  }

  @Test
  void portsAnswerInTheirOwnShapes() throws Exception {
    String requestId = sendRequest("shapes of both ports");

    JsonObject proxyList = ReadOnlyContractIT.json(get(server.baseUrl() + "/api/requests?limit=5"));
    assertThat(proxyList.getJsonObject("pagination").getInt("limit")).isEqualTo(5);
    assertThat(proxyList.getJsonArray("requests").getJsonObject(0).containsKey("requestId")).isTrue();
    JsonObject dashboardList = ReadOnlyContractIT.json(get(server.dashboardUrl() + "/api/requests?limit=5"));
    assertThat(dashboardList.getString("status")).isEqualTo("ok");
    assertThat(dashboardList.getJsonArray("requests").getJsonObject(0).containsKey("request_id")).isTrue();

    JsonObject proxyDetail = ReadOnlyContractIT.json(get(server.baseUrl() + "/api/requests/" + requestId));
    assertThat(proxyDetail.getString("requestId")).isEqualTo(requestId);
    assertThat(proxyDetail.getJsonObject("requestBody").getString("model")).isEqualTo(ProxyCalls.MODEL);
    assertThat(proxyDetail.containsKey("streamingChunks")).isTrue();
    JsonObject dashboardDetail =
        ReadOnlyContractIT.json(get(server.dashboardUrl() + "/api/requests/" + requestId));
    assertThat(dashboardDetail.getJsonObject("request").getString("request_id")).isEqualTo(requestId);
    assertThat(dashboardDetail.getJsonObject("request_body").getString("model")).isEqualTo(ProxyCalls.MODEL);
    assertThat(dashboardDetail.containsKey("chunks")).isTrue();
  }

  @Test
  void cursorPagesWithoutOverlap() throws Exception {
    sendRequest("cursor page one");
    sendRequest("cursor page two");
    for (String base : ports) {
      String cursorField = base.equals(server.baseUrl()) ? "nextCursor" : "next_cursor";
      String idField = base.equals(server.baseUrl()) ? "requestId" : "request_id";
      JsonObject first = ReadOnlyContractIT.json(get(base + "/api/requests?limit=1"));
      String cursor = first.getString(cursorField);
      JsonObject second = ReadOnlyContractIT.json(get(base + "/api/requests?limit=1&cursor=" + cursor));

      assertThat(second.getJsonArray("requests").getJsonObject(0).getString(idField)).as(base)
          .isNotEqualTo(first.getJsonArray("requests").getJsonObject(0).getString(idField));
    }
  }

  @Test
  void malformedParametersAreRejected() throws Exception {
    for (String base : ports) {
      assertThat(getResponse(base + "/api/requests/not-a-uuid").statusCode()).as(base).isEqualTo(400);
      assertThat(getResponse(base + "/api/requests?offset=-1").body()).as(base).contains("Invalid offset");
      assertThat(getResponse(base + "/api/requests?cursor=bogus").body()).as(base).contains("Invalid cursor");
      assertThat(getResponse(base + "/api/token-usage/current?window=0").body()).as(base)
          .contains("Invalid window");
      assertThat(getResponse(base + "/api/requests/" + UUID.randomUUID()).statusCode()).as(base)
          .isEqualTo(404);
    }
  }

  @Test
  void tokenUsageCountsAccountRequests() throws Exception {
    sendRequest("usage of my account");
    for (String base : ports) {
      JsonObject usage = ReadOnlyContractIT.json(
          get(base + "/api/token-usage/current?accountId=acc_system_tests"));

      assertThat(usage.getString("accountId")).isEqualTo("acc_system_tests");
      assertThat(usage.getJsonNumber("totalRequests").longValue()).as(base).isPositive();
      assertThat(usage.getJsonObject("usage").getJsonNumber("requests").longValue()).as(base)
          .isEqualTo(usage.getJsonNumber("totalRequests").longValue());
    }
  }

  private String sendRequest(String text) throws Exception {
    HttpResponse<String> response = new ProxyCalls(server).post("/v1/messages",
        ProxyCalls.messagesBody(false, text));
    server.fake.takeRequest(Duration.ofSeconds(10));
    String requestId = ProxyCalls.requestId(response);
    long deadline = System.nanoTime() + NexusServer.rowTimeout().toNanos();
    while (getResponse(server.baseUrl() + "/api/requests/" + requestId).statusCode() == 404) {
      assertThat(System.nanoTime()).as("request " + requestId + " was not stored").isLessThan(deadline);
      Thread.sleep(200);
    }
    return requestId;
  }

  private HttpResponse<String> getResponse(String url) throws Exception {
    return api.get(url, "X-Dashboard-Key", NexusServer.DASHBOARD_KEY);
  }

  private String get(String url) throws Exception {
    HttpResponse<String> response = getResponse(url);
    assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
    return response.body();
  }
}
