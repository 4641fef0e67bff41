package dev.claudenexus.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dashboard port's response cache ({@code DASHBOARD_CACHE_TTL}, 30 s by default): a repeated
 * read comes from memory, a stored request drops what was cached long before the 30 s are up, and
 * paths that must stay fresh are never cached. The read-only services run with the cache off.
 */
@ExtendWith(NexusServerExtension.class)
class DashboardCacheIT {

  private static final String KEY_HEADER = "X-Dashboard-Key";
  private static final String CACHE = "X-Nexus-Cache";
  /** Well below the 30 s time to live, so a fresh response within it proves the cache was dropped. */
  private static final Duration INVALIDATION_TIMEOUT = Duration.ofSeconds(10);

  private final NexusServer server;
  private final ApiClient api = new ApiClient();
  private final String dashboard;

  DashboardCacheIT(NexusServer server) throws Exception {
    this.server = server;
    this.dashboard = server.dashboardUrl();
  }

  @Test
  void repeatedReadComesFromCache() throws Exception {
    String url = dashboard + "/api/stats?domain=cache-repeat.example.com";

    HttpResponse<String> hit = awaitHit(url);

    HttpResponse<String> fresh = api.get(url, KEY_HEADER, NexusServer.DASHBOARD_KEY,
        "Cache-Control", "no-cache");
    assertThat(fresh.headers().firstValue(CACHE)).hasValue("miss");
    assertThat(hit.body()).isEqualTo(fresh.body());
    assertThat(hit.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    assertThat(hit.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  @Test
  void storedRequestDropsCachedReads() throws Exception {
    String url = dashboard + "/api/requests?limit=1";
    awaitHit(url);

    String requestId = ProxyCalls.requestId(new ProxyCalls(server).post("/v1/messages",
        ProxyCalls.messagesBody(false, "drop the cached list")));
    server.fake.takeRequest(Duration.ofSeconds(10));

    long deadline = System.nanoTime() + INVALIDATION_TIMEOUT.toNanos();
    String newest = null;
    while (System.nanoTime() < deadline && !requestId.equals(newest)) {
      JsonArray requests = ReadOnlyContractIT.json(
          api.get(url, KEY_HEADER, NexusServer.DASHBOARD_KEY).body()).getJsonArray("requests");
      newest = requests.isEmpty() ? null : requests.getJsonObject(0).getString("request_id");
      Thread.sleep(100);
    }
    assertThat(newest).as("the newest request on the dashboard within %s", INVALIDATION_TIMEOUT)
        .isEqualTo(requestId);
  }

  @Test
  void cachedReadStillNeedsTheKey() throws Exception {
    String url = dashboard + "/api/domains";
    awaitHit(url);

    assertThat(api.get(url).statusCode()).isEqualTo(401);
    assertThat(api.get(url, KEY_HEADER, "wrong-key").statusCode()).isEqualTo(401);
  }

  @Test
  void failedReadsAreNotCached() throws Exception {
    String url = dashboard + "/api/requests?limit=invalid";
    for (int attempt = 0; attempt < 2; attempt++) {
      HttpResponse<String> response = api.get(url, KEY_HEADER, NexusServer.DASHBOARD_KEY);

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.headers().firstValue(CACHE)).hasValue("miss");
    }
  }

  @Test
  void parameterOrderDoesNotMatter() throws Exception {
    awaitHit(dashboard + "/api/stats?domain=cache-order.example.com&since=2026-01-01T00:00:00Z");

    HttpResponse<String> swapped = api.get(
        dashboard + "/api/stats?since=2026-01-01T00:00:00Z&domain=cache-order.example.com",
        KEY_HEADER, NexusServer.DASHBOARD_KEY);

    assertThat(swapped.headers().firstValue(CACHE)).hasValue("hit");
  }

  @Test
  void proxyPortSubtasksAndStreamAreNotCached() throws Exception {
    for (int attempt = 0; attempt < 2; attempt++) {
      HttpResponse<String> proxy =
          api.get(server.baseUrl() + "/api/domains", KEY_HEADER, NexusServer.DASHBOARD_KEY);
      HttpResponse<String> subtasks = api.get(dashboard + "/api/requests/"
          + "00000000-0000-4000-8000-000000000000/subtasks", KEY_HEADER, NexusServer.DASHBOARD_KEY);

      assertThat(proxy.statusCode()).isEqualTo(200);
      assertThat(proxy.headers().firstValue(CACHE)).isEmpty();
      assertThat(subtasks.headers().firstValue(CACHE)).isEmpty();
    }
  }

  @Test
  void zeroTimeToLiveTurnsTheCacheOff(ReadOnlyServices readOnly) throws Exception {
    for (int attempt = 0; attempt < 2; attempt++) {
      HttpResponse<String> response = api.get(readOnly.dashboardUrl() + "/api/domains");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue(CACHE)).isEmpty();
    }
  }

  /**
   * Reads until the response comes from the cache. Another test's request may still be stored
   * between two reads and drop the cache, so a few tries are allowed.
   */
  private HttpResponse<String> awaitHit(String url) throws Exception {
    for (int attempt = 0; attempt < 10; attempt++) {
      HttpResponse<String> response = api.get(url, KEY_HEADER, NexusServer.DASHBOARD_KEY);
      assertThat(response.statusCode()).as(url).isEqualTo(200);
      if (response.headers().firstValue(CACHE).orElse("").equals("hit")) {
        return response;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("No response of " + url + " came from the cache in 10 reads");
  }
}
