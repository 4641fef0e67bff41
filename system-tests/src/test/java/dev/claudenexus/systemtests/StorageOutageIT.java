package dev.claudenexus.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The database goes away under load and comes back: every request gets its response, and every record
 * reaches the database from the journal. Needs a run where the proxy reaches its
 * database through a fault proxy (PostgreSQL, or the H2 server run).
 */
@ExtendWith(NexusServerExtension.class)
class StorageOutageIT {

  private static final int CLIENTS = 4;
  private static final int REQUESTS_PER_CLIENT = 15;

  private final NexusServer server;
  private final ProxyCalls calls;
  private final StoredRequests stored;

  StorageOutageIT(NexusServer server) {
    this.server = server;
    this.calls = new ProxyCalls(server);
    this.stored = new StoredRequests(server);
  }

  @Test
  void outageUnderLoadLosesNoRecord() throws Exception {
    assumeTrue(server.database.faultProxy != null, "needs a database behind the fault proxy");
    server.database.faultProxy.refuse();
    List<String> requestIds;
    try {
      requestIds = sendConcurrently("outage");
    } finally {
      server.database.faultProxy.restore();
    }
    for (String requestId : requestIds) {
      stored.await(requestId);
    }
    assertEquals(CLIENTS * REQUESTS_PER_CLIENT, requestIds.size());
  }

  @Test
  void journalReplayedAfterRestart() throws Exception {
    assumeTrue(server.database.faultProxy != null, "needs a database behind the fault proxy");
    List<String> requestIds = new ArrayList<>();
    server.database.faultProxy.refuse();
    try {
      for (int i = 0; i < 5; i++) {
        requestIds.add(ProxyCalls.requestId(calls.post("/v1/messages", ProxyCalls.messagesBody(false, "journal " + i))));
        server.fake.takeRequest(Duration.ofSeconds(10));
      }
      server.stop();
    } finally {
      server.database.faultProxy.restore();
    }
    assertEquals(0, stored.count("request_id = ?", java.util.UUID.fromString(requestIds.get(0))));
    server.startAgain();
    for (String requestId : requestIds) {
      stored.await(requestId);
    }
  }

  @Test
  void outageMakesOnlyTheDashboardUnready() throws Exception {
    assumeTrue(server.database.faultProxy != null, "needs a database behind the fault proxy");
    String dashboard = server.dashboardUrl();
    assertEquals(200, status(dashboard + "/health/ready"));
    server.database.faultProxy.refuse();
    try {
      HttpResponse<String> unready = awaitStatus(dashboard + "/health/ready", 503);
      assertTrue(unready.body().contains("\"database\":\"disconnected\""), unready.body());
      HttpResponse<String> proxy = calls.send(
          HttpRequest.newBuilder(URI.create(server.baseUrl() + "/health/ready")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, proxy.statusCode(), "the proxy keeps forwarding, so it stays ready");
    } finally {
      server.database.faultProxy.restore();
    }
    awaitStatus(dashboard + "/health/ready", 200);
  }

  private int status(String url) throws Exception {
    return calls.send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  /** Asks {@code url} until it answers {@code expected}, for up to 30 seconds. */
  private HttpResponse<String> awaitStatus(String url, int expected) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      HttpResponse<String> response = calls.send(HttpRequest.newBuilder(URI.create(url)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == expected || System.nanoTime() > deadline) {
        assertEquals(expected, response.statusCode(), response.body());
        return response;
      }
      Thread.sleep(250);
    }
  }

  @Test
  void nulCharacterDoesNotDropBatch() throws Exception {
    List<String> requestIds = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      requestIds.add(ProxyCalls.requestId(calls.post("/v1/messages", ProxyCalls.messagesBody(false, "ok " + i))));
    }
    String withNul = "{\"model\":\"" + ProxyCalls.MODEL + "\",\"max_tokens\":8,\"messages\":[{\"role\":\"user\","
        + "\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"t1\",\"content\":\"a\\u0000b\"}]}]}";
    requestIds.add(ProxyCalls.requestId(calls.post("/v1/messages", withNul)));
    for (int i = 0; i < 10; i++) {
      server.fake.takeRequest(Duration.ofSeconds(10));
    }

    for (String requestId : requestIds) {
      stored.await(requestId);
    }
  }

  private List<String> sendConcurrently(String text) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<List<String>>> futures = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        futures.add(pool.submit(() -> {
          List<String> ids = new ArrayList<>();
          for (int i = 0; i < REQUESTS_PER_CLIENT; i++) {
            HttpResponse<String> response = calls.post("/v1/messages", ProxyCalls.messagesBody(i % 2 == 0, text));
            assertEquals(200, response.statusCode());
            ids.add(ProxyCalls.requestId(response));
          }
          return ids;
        }));
      }
      List<String> all = new ArrayList<>();
      for (Future<List<String>> future : futures) {
        all.addAll(future.get());
      }
      for (int i = 0; i < all.size(); i++) {
        server.fake.takeRequest(Duration.ofSeconds(10));
      }
      return all;
    } finally {
      pool.shutdownNow();
    }
  }
}
