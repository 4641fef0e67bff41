package dev.claudenexus.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.claudenexus.testsupport.anthropic.ReceivedRequest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** OAuth credentials and credential files that change while the proxy runs. */
@ExtendWith(NexusServerExtension.class)
class CredentialsIT {

  private static final String LIVE_DOMAIN = "live.example.com";
  private static final String LIVE_KEY = "cnp_live_livefiletestkey";

  private final NexusServer server;
  private final ProxyCalls calls;

  CredentialsIT(NexusServer server) {
    this.server = server;
    this.calls = new ProxyCalls(server);
  }

  @Test
  void expiringOAuthTokenRefreshedBeforeForwarding() throws Exception {
    String domain = "localhost:" + server.port;
    Path file = server.home.resolve("credentials").resolve(domain + ".credentials.json");
    NexusServer.writeCredentialFile(file, "{\"type\":\"oauth\",\"accountId\":\"acc_max\",\"client_api_key\":\"cnp_live_oauth\","
        + "\"oauth\":{\"accessToken\":\"old-access\",\"refreshToken\":\"refresh-0\",\"expiresAt\":"
        + (System.currentTimeMillis() + 20_000) + ",\"scopes\":[\"user:inference\"],\"isMax\":true}}");
    int refreshesBefore = server.tokenEndpoint.refreshes.get();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port + "/v1/messages"))
        .header("x-api-key", "cnp_live_oauth")
        .header("anthropic-beta", "context-management-2025-06-27")
        .POST(HttpRequest.BodyPublishers.ofString(ProxyCalls.messagesBody(false, "oauth")))
        .build();
    HttpResponse<String> response = calls.send(request, HttpResponse.BodyHandlers.ofString());
    ReceivedRequest upstream = server.fake.takeRequest(Duration.ofSeconds(10));

    assertEquals(200, response.statusCode());
    assertEquals(refreshesBefore + 1, server.tokenEndpoint.refreshes.get());
    assertTrue(server.tokenEndpoint.requests.get(refreshesBefore).contains("\"refresh_token\":\"refresh-0\""));
    assertEquals("Bearer access-" + (refreshesBefore + 1), upstream.header("authorization"));
    assertEquals("context-management-2025-06-27,oauth-2025-04-20", upstream.header("anthropic-beta"));
    String rewritten = Files.readString(file);
    assertTrue(rewritten.contains("\"refreshToken\": \"refresh-" + (refreshesBefore + 1) + "\"")
        || rewritten.contains("\"refreshToken\":\"refresh-" + (refreshesBefore + 1) + "\""), rewritten);
    assertTrue(rewritten.contains("cnp_live_oauth"), rewritten);
  }

  @Test
  void revokedRefreshTokenAsksForLogin() throws Exception {
    Path file = server.home.resolve("credentials").resolve(LIVE_DOMAIN + ".credentials.json");
    try {
      Files.writeString(file, "{\"type\":\"oauth\",\"client_api_key\":\"" + LIVE_KEY + "\","
          + "\"oauth\":{\"accessToken\":\"expired\",\"refreshToken\":\"revoked-1\",\"expiresAt\":1}}");
      String response = "";
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (System.nanoTime() < deadline && !response.contains("log in again")) {
        response = rawRequest();
        Thread.sleep(200);
      }

      assertEquals(401, status(response));
      assertTrue(response.contains("\"type\":\"authentication_error\""), response);
      assertTrue(response.contains("log in again"), response);
      assertTrue(!response.contains("revoked-1"), response);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void credentialFileChangesApplyWhileRunning() throws Exception {
    Path file = server.home.resolve("credentials").resolve(LIVE_DOMAIN + ".credentials.json");
    try {
      assertEquals(401, status(rawRequest()), "no file yet");

      Files.writeString(file, credential("sk-ant-first"));
      assertEquals(200, awaitStatus(200));
      assertEquals("sk-ant-first", server.fake.takeRequest(Duration.ofSeconds(10)).header("x-api-key"));

      Files.writeString(file, credential("sk-ant-second"));
      awaitUpstreamKey("sk-ant-second");

      Files.writeString(file, "{ this is not json");
      Thread.sleep(1500);
      assertEquals(200, status(rawRequest()), "the last valid version stays in use");
      assertEquals("sk-ant-second", server.fake.takeRequest(Duration.ofSeconds(10)).header("x-api-key"));

      Files.delete(file);
      assertEquals(401, awaitStatus(401));
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void rotatedClientKeyKeepsGracePeriod() throws Exception {
    Path file = server.home.resolve("credentials").resolve(LIVE_DOMAIN + ".credentials.json");
    try {
      Files.writeString(file, credential("sk-ant-rotation"));
      assertEquals(200, awaitStatus(200, LIVE_KEY));
      server.fake.takeRequest(Duration.ofSeconds(10));

      String output = server.run("credentials", "rotate-client-key", "--domain", LIVE_DOMAIN, "--grace-minutes", "10");
      String newKey = output.strip().lines().reduce((first, second) -> second).orElseThrow().strip();
      assertTrue(newKey.startsWith("cnp_live_"), output);
      assertEquals(200, awaitStatus(200, newKey), "the new key works");
      server.fake.takeRequest(Duration.ofSeconds(10));
      assertEquals(200, status(rawRequest(LIVE_KEY)), "the old key works during its grace period");
      server.fake.takeRequest(Duration.ofSeconds(10));

      String next = server.run("credentials", "rotate-client-key", "--domain", LIVE_DOMAIN, "--grace-minutes", "0");
      String newestKey = next.strip().lines().reduce((first, second) -> second).orElseThrow().strip();
      assertEquals(200, awaitStatus(200, newestKey));
      server.fake.takeRequest(Duration.ofSeconds(10));
      assertEquals(401, status(rawRequest(newKey)), "a key rotated without grace stops at once");
      String listing = server.run("credentials", "list");
      assertTrue(listing.contains(LIVE_DOMAIN + "  valid (api_key)"), listing);
      assertTrue(!listing.contains("cnp_live_"), listing);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void fileChangesUnderTrafficNeverFailRequests() throws Exception {
    Path file = server.home.resolve("credentials").resolve(LIVE_DOMAIN + ".credentials.json");
    java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
    java.util.concurrent.ConcurrentLinkedQueue<Integer> statuses = new java.util.concurrent.ConcurrentLinkedQueue<>();
    java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(3);
    try {
      Files.writeString(file, credential("sk-ant-traffic-1"));
      assertEquals(200, awaitStatus(200));
      server.fake.takeRequest(Duration.ofSeconds(10));
      for (int i = 0; i < 3; i++) {
        clients.submit(() -> {
          // Bounded: at most 400 requests per client, 25 ms apart, and the loop stops when the edits
          // are done.
          for (int n = 0; n < 400 && running.get(); n++) {
            try {
              statuses.add(status(rawRequest()));
            } catch (Exception e) {
              statuses.add(-1);
            }
            Thread.sleep(25);
          }
          return null;
        });
      }
      Thread.sleep(500);
      Files.writeString(file, credential("sk-ant-traffic-2"));
      Thread.sleep(700);
      Files.writeString(file, "{ corrupted");
      Thread.sleep(700);
      Files.writeString(file, credential("sk-ant-traffic-3"));
      Thread.sleep(700);
      Files.delete(file);
      Thread.sleep(1500);
    } finally {
      running.set(false);
      clients.shutdown();
      clients.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS);
      Files.deleteIfExists(file);
    }
    long ok = statuses.stream().filter(status -> status == 200).count();
    for (long i = 0; i < ok; i++) {
      server.fake.takeRequest(Duration.ofSeconds(10));
    }

    assertTrue(ok > 0, "no request went through while the file was valid");
    assertTrue(statuses.stream().allMatch(status -> status == 200 || status == 401),
        "every request got 200 or, once the file was deleted, 401: " + statuses);
    assertTrue(statuses.contains(401), "the deleted file revoked the domain");
  }

  private static String credential(String apiKey) {
    return "{\"type\":\"api_key\",\"accountId\":\"acc_live\",\"api_key\":\"" + apiKey
        + "\",\"client_api_key\":\"" + LIVE_KEY + "\"}";
  }

  private void awaitUpstreamKey(String expected) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    String seen = null;
    while (System.nanoTime() < deadline) {
      assertEquals(200, status(rawRequest()));
      seen = server.fake.takeRequest(Duration.ofSeconds(10)).header("x-api-key");
      if (expected.equals(seen)) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("The upstream still received " + seen + " instead of " + expected);
  }

  private int awaitStatus(int expected) throws Exception {
    return awaitStatus(expected, LIVE_KEY);
  }

  private int awaitStatus(int expected, String clientKey) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    int status = -1;
    while (System.nanoTime() < deadline) {
      status = status(rawRequest(clientKey));
      if (status == expected) {
        return status;
      }
      if (status == 200) {
        server.fake.takeRequest(Duration.ofSeconds(10));
      }
      Thread.sleep(200);
    }
    return status;
  }

  private String rawRequest() throws Exception {
    return rawRequest(LIVE_KEY);
  }

  private String rawRequest(String clientKey) throws Exception {
    return RawHttp.postMessages(server.port, LIVE_DOMAIN, clientKey, ProxyCalls.messagesBody(false, "live"));
  }

  private static int status(String response) {
    return RawHttp.status(response);
  }
}
