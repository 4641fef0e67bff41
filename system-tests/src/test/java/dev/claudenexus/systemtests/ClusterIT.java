package dev.claudenexus.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.claudenexus.systemtests.ClusterServices.Instance;
import dev.claudenexus.testsupport.anthropic.ReceivedRequest;
import dev.claudenexus.testsupport.claudecode.AssistantReply;
import dev.claudenexus.testsupport.claudecode.ClaudeCodeRequest;
import dev.claudenexus.testsupport.claudecode.ClaudeCodeSession;
import dev.claudenexus.testsupport.claudecode.ToolCall;
import dev.claudenexus.testsupport.gemini.GeminiReply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Two proxy instances behind nginx on one PostgreSQL database, started once for all cases: work
 * that must happen once happens once, whichever instance a request reaches, and each instance keeps
 * its own journal. Runs in the PostgreSQL pass only, because the instances share the database
 * through PostgreSQL's locks and notices.
 */
@EnabledIfSystemProperty(named = "nexus.it.database", matches = "postgresql",
    disabledReason = "several instances need PostgreSQL")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  private static final Duration ROW_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration ANALYSIS_TIMEOUT = Duration.ofSeconds(60);
  private static final String OAUTH_DOMAIN = "max.cluster.test";
  private static final String OAUTH_CLIENT_KEY = "cnp_live_clusteroauthclient";
  private static final String OAUTH_FIRST_REFRESH_TOKEN = "cluster-refresh-0";
  private static final int OAUTH_CLIENTS = 8;
  private static final int ANALYSES = 6;

  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();
  private ClusterServices cluster;

  @BeforeAll
  void startCluster() throws Exception {
    cluster = ClusterServices.start(2);
  }

  @AfterAll
  void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void jointStartMigratesOnce() throws Exception {
    List<Map<String, Object>> history = query(
        "SELECT version, type, success FROM flyway_schema_history ORDER BY installed_rank");
    List<Object> versions = history.stream().map(row -> row.get("version")).toList();

    assertThat(history).as("schema history rows").isNotEmpty();
    assertThat(versions).as("each version applied once").doesNotHaveDuplicates();
    // Flyway writes one baseline at version 0 when it finds tables before its first migration,
    // such as batch job tables that Payara created first. A second baseline, or one above 0,
    // would skip migrations.
    assertThat(history.stream().filter(row -> "BASELINE".equals(row.get("type"))).toList())
        .as("baseline rows").hasSizeLessThanOrEqualTo(1)
        .allMatch(row -> "0".equals(row.get("version")));
    assertThat(history).as("every migration succeeded")
        .allMatch(row -> Boolean.TRUE.equals(row.get("success")));
    int migrators = 0;
    for (Instance instance : cluster.instances) {
      String log = cluster.log(instance);
      assertThat(log).as(instance.name() + " log").doesNotContain("Database migration failed");
      if (log.contains("migrations applied now")) {
        migrators++;
      }
    }
    assertEquals(1, migrators, "exactly one instance applied the migrations");
  }

  /** Sends a Claude Code tool loop through nginx, which passes its requests to the two instances in turn. */
  @Test
  @Order(2)
  void alternatingRequestsLinkOneConversation() throws Exception {
    ClaudeCodeSession session = ClaudeCodeSession.start(cluster.clientKey, "cluster-linking");
    session.prompt("The nightly export job writes an empty CSV since Tuesday. Find out why.");
    List<AssistantReply> replies = List.of(
        AssistantReply.toolUse("I'll look at the export job first.",
            ToolCall.read("/home/dev/cluster-linking/export/src/main/java/dev/example/ExportJob.java")),
        AssistantReply.toolUse("Now the query it runs.",
            ToolCall.read("/home/dev/cluster-linking/export/src/main/resources/export.sql")),
        AssistantReply.toolUse("Let me run the export tests.",
            ToolCall.bash("mvn -q -pl export test", "Run the export tests")),
        AssistantReply.toolUse("The date filter compares a timestamp with a date; I'll cast it.",
            ToolCall.edit("/home/dev/cluster-linking/export/src/main/resources/export.sql",
                "WHERE created_at = :day", "WHERE created_at::date = :day")),
        AssistantReply.text("Fixed: the filter now casts created_at to a date, and the tests pass."));
    List<String> toolOutputs = List.of(
        "1\tpackage dev.example;\n2\t\n3\tfinal class ExportJob {",
        "SELECT * FROM orders WHERE created_at = :day",
        "Tests run: 12, Failures: 1\nexportsTuesday: expected 40 rows but was 0",
        "The file export.sql has been updated.");

    List<SentTurn> sent = new ArrayList<>();
    for (int turn = 0; turn < replies.size(); turn++) {
      sent.add(sendTurn(session, replies.get(turn)));
      if (turn < toolOutputs.size()) {
        session.answerTools(toolOutputs.get(turn));
      }
    }

    for (int i = 1; i < sent.size(); i++) {
      assertNotEquals(sent.get(i - 1).upstream(), sent.get(i).upstream(),
          "request " + (i + 1) + " went to the other instance than request " + i);
    }
    assertEquals(upstreams(), sent.stream().map(SentTurn::upstream).collect(java.util.stream.Collectors.toSet()),
        "both instances served requests");
    List<Map<String, Object>> rows = new ArrayList<>();
    for (SentTurn turn : sent) {
      rows.add(awaitLinkedRow(turn.requestId()));
    }
    Set<Object> conversations = new HashSet<>();
    Object expectedParent = null;
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> row = rows.get(i);
      conversations.add(row.get("conversation_id"));
      assertEquals(expectedParent, row.get("parent_request_id"), "parent of request " + (i + 1));
      assertEquals("main", row.get("branch_id"), "branch of request " + (i + 1));
      expectedParent = row.get("request_id");
    }
    assertEquals(1, conversations.size(), "one conversation across both instances: " + rows);
  }

  /** Both instances hold the same expiring OAuth credential and get requests at the same moment. */
  @Test
  @Order(3)
  void concurrentRequestsRefreshOAuthOnce() throws Exception {
    String credential = "{\"type\":\"oauth\",\"accountId\":\"acc_cluster_max\",\"client_api_key\":\""
        + OAUTH_CLIENT_KEY + "\",\"oauth\":{\"accessToken\":\"cluster-expiring\",\"refreshToken\":\""
        + OAUTH_FIRST_REFRESH_TOKEN + "\",\"expiresAt\":" + (System.currentTimeMillis() + 20_000) + "}}";
    for (Instance instance : cluster.instances) {
      NexusServer.writeCredentialFile(cluster.credentialFile(instance, OAUTH_DOMAIN), credential);
    }
    int refreshesBefore = cluster.tokenEndpoint.refreshes.get();
    cluster.fake.discardReceived();

    List<String> responses = sendTogether(OAUTH_CLIENTS, () -> RawHttp.postMessages(cluster.balancer.port,
        OAUTH_DOMAIN, OAUTH_CLIENT_KEY, ProxyCalls.messagesBody(false, "shared token")));

    Set<String> servedBy = new HashSet<>();
    for (String response : responses) {
      assertEquals(200, RawHttp.status(response), response);
      servedBy.add(header(response, NginxLoadBalancer.UPSTREAM_HEADER));
    }
    assertEquals(upstreams(), servedBy, "both instances served the concurrent requests");
    assertEquals(refreshesBefore + 1, cluster.tokenEndpoint.refreshes.get(), "token refreshes");
    Set<String> authorizations = new HashSet<>();
    for (int i = 0; i < OAUTH_CLIENTS; i++) {
      ReceivedRequest upstream = cluster.fake.takeRequest(Duration.ofSeconds(10));
      assertNotNull(upstream, "upstream request " + (i + 1) + " of " + OAUTH_CLIENTS);
      authorizations.add(upstream.header("authorization"));
    }
    assertEquals(Set.of("Bearer access-" + (refreshesBefore + 1)), authorizations,
        "every instance used the one refreshed token");
  }

  /** Both instances run the analysis worker; each requested analysis calls the model once. */
  @Test
  @Order(4)
  void analysisProcessedOnceWithTwoWorkers() throws Exception {
    AnalysisFixtures fixtures = new AnalysisFixtures(cluster.database);
    List<String> markers = new ArrayList<>();
    List<UUID> conversations = new ArrayList<>();
    for (int i = 0; i < ANALYSES; i++) {
      String marker = AnalysisIT.marker("CLUSTER-" + i);
      // A slow model call gives the other worker time to look for the same job.
      cluster.gemini.script(marker, attempt -> GeminiReply.analysis().after(Duration.ofMillis(700)));
      markers.add(marker);
      conversations.add(fixtures.conversation(marker, 2, ""));
    }

    for (UUID conversation : conversations) {
      String body = "{\"conversationId\":\"" + conversation + "\",\"branchId\":\"main\"}";
      HttpResponse<String> created = send("POST", cluster.balancer.baseUrl() + "/api/analyses", body);
      assertEquals(201, created.statusCode(), created.body());
    }
    for (UUID conversation : conversations) {
      awaitAnalysisCompleted(conversation);
    }

    for (String marker : markers) {
      assertEquals(1, cluster.gemini.callsContaining(marker).size(), "model calls for " + marker);
    }
  }

  /** Request streams opened on each instance and through nginx show requests sent to either one. */
  @Test
  @Order(5)
  void requestStreamShowsBothInstances() throws Exception {
    List<String> bases = new ArrayList<>();
    cluster.instances.forEach(instance -> bases.add(instance.baseUrl()));
    bases.add(cluster.balancer.baseUrl());
    List<SseReader> streams = new ArrayList<>();
    try {
      for (String base : bases) {
        SseReader stream = SseReader.open(base + "/api/requests/stream",
            "X-Dashboard-Key", ClusterServices.DASHBOARD_KEY);
        streams.add(stream);
        stream.awaitEvent("connected", Duration.ofSeconds(10));
      }
      cluster.fake.discardReceived();
      Set<String> requestIds = new HashSet<>();
      for (Instance instance : cluster.instances) {
        requestIds.add(postDirect(instance, "stream via " + instance.name()));
      }

      for (int i = 0; i < streams.size(); i++) {
        awaitRequestEvents(streams.get(i), bases.get(i), requestIds);
      }
    } finally {
      for (SseReader stream : streams) {
        stream.close();
      }
    }
  }

  /**
   * An instance that loses the database keeps its records in its own journal. Stopped and
   * restarted with the database back, it stores each of them once. The other instance never reads
   * that journal.
   */
  @Test
  @Order(6)
  void stoppedInstanceReplaysItsJournal() throws Exception {
    Instance second = cluster.instances.get(1);
    List<String> requestIds = new ArrayList<>();
    cluster.fake.discardReceived();
    second.databaseLink().refuse();
    try {
      for (int i = 0; i < 3; i++) {
        requestIds.add(postDirect(second, "journal " + i));
      }
      cluster.stop(second);
    } finally {
      second.databaseLink().restore();
    }
    assertThat(journalBytes(second)).as("bytes in the journal of the stopped instance").isPositive();
    for (String requestId : requestIds) {
      assertEquals(0, countRows(requestId), "rows of " + requestId + " before the restart");
    }

    cluster.start(second);

    for (String requestId : requestIds) {
      awaitRow(requestId);
      assertEquals(1, countRows(requestId), "rows of " + requestId + " after the replay");
    }
  }

  /** Keys and tokens the tests used appear in no log, journal or nginx file. */
  @Test
  @Order(7)
  void logsHoldNoSecrets() throws Exception {
    List<String> secrets = List.of(cluster.clientKey, OAUTH_CLIENT_KEY, OAUTH_FIRST_REFRESH_TOKEN,
        ClusterServices.UPSTREAM_API_KEY, ClusterServices.GEMINI_API_KEY, ClusterServices.DASHBOARD_KEY,
        ClusterServices.OAUTH_TOKEN_KEY);
    List<Path> folders = new ArrayList<>();
    for (Instance instance : cluster.instances) {
      folders.add(instance.home().resolve("logs"));
      folders.add(instance.home().resolve("data/journal"));
    }
    folders.add(cluster.balancer.directory());
    List<String> findings = new ArrayList<>();
    for (Path folder : folders) {
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(folder)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
          for (String secret : secrets) {
            if (text.contains(secret)) {
              findings.add(file + " contains " + secret.substring(0, 6) + "...");
            }
          }
        }
      }
    }
    assertTrue(findings.isEmpty(), String.join("\n", findings));
  }

  /** A request of the linking test: its id and the instance nginx sent it to. */
  private record SentTurn(String requestId, String upstream) {}

  /** Sends the session's next request through nginx with this reply from the fake API. */
  private SentTurn sendTurn(ClaudeCodeSession session, AssistantReply reply) throws Exception {
    ClaudeCodeRequest request = session.request();
    cluster.fake.discardReceived();
    cluster.fake.enqueue(reply.toFakeReply(session.model()));
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(cluster.balancer.baseUrl() + request.target()))
        .timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString(request.body()));
    request.headers().forEach((name, value) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      if (!Set.of("host", "connection", "content-length", "accept-encoding", "x-api-key").contains(lower)) {
        builder.header(name, value);
      }
    });
    builder.header("x-api-key", cluster.clientKey);

    HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    ReceivedRequest upstream = cluster.fake.takeRequest(Duration.ofSeconds(10));

    assertEquals(200, response.statusCode(), response.body());
    assertNotNull(upstream, "the fake API received the request");
    assertTrue(response.body().contains("message_stop"), "the proxy streamed the reply to its end");
    session.receive(reply);
    String servedBy = response.headers().firstValue(NginxLoadBalancer.UPSTREAM_HEADER)
        .orElseThrow(() -> new AssertionError("nginx did not name the instance"));
    return new SentTurn(ProxyCalls.requestId(response), servedBy);
  }

  /** Sends a small request straight to an instance and returns its request id. */
  private String postDirect(Instance instance, String text) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(instance.baseUrl() + "/v1/messages"))
        .timeout(Duration.ofSeconds(30))
        .header("x-api-key", cluster.clientKey)
        .header("anthropic-version", "2023-06-01")
        .header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(ProxyCalls.messagesBody(false, text)))
        .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    assertNotNull(cluster.fake.takeRequest(Duration.ofSeconds(10)), "the fake API received " + text);
    return ProxyCalls.requestId(response);
  }

  private HttpResponse<String> send(String method, String url, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(30))
        .header("X-Dashboard-Key", ClusterServices.DASHBOARD_KEY)
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** Runs {@code count} copies of a call, released at the same moment, and returns their results. */
  private static List<String> sendTogether(int count, java.util.concurrent.Callable<String> call)
      throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(count);
    try {
      CyclicBarrier start = new CyclicBarrier(count);
      List<Future<String>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        futures.add(threads.submit(() -> {
          start.await(10, TimeUnit.SECONDS);
          return call.call();
        }));
      }
      List<String> results = new ArrayList<>();
      for (Future<String> future : futures) {
        results.add(future.get(60, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      threads.shutdownNow();
    }
  }

  private void awaitAnalysisCompleted(UUID conversation) throws Exception {
    String url = cluster.balancer.baseUrl() + "/api/analyses/" + conversation + "/main";
    long deadline = System.nanoTime() + ANALYSIS_TIMEOUT.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response = send("GET", url, null);
      last = response.body();
      if (response.statusCode() == 200 && json(last).getString("status").equals("completed")) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("The analysis of " + conversation + " did not complete within "
        + ANALYSIS_TIMEOUT.toSeconds() + " s; last response: " + last);
  }

  /** Reads {@code request} events until every id was seen; other events are skipped. */
  private static void awaitRequestEvents(SseReader stream, String base, Set<String> requestIds)
      throws InterruptedException {
    Set<String> missing = new HashSet<>(requestIds);
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!missing.isEmpty()) {
      Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
      String data;
      try {
        data = stream.awaitEvent("request", left);
      } catch (AssertionError timedOut) {
        throw new AssertionError("The request stream of " + base + " did not show " + missing, timedOut);
      }
      missing.removeIf(data::contains);
    }
  }

  private Set<String> upstreams() {
    Set<String> addresses = new HashSet<>();
    cluster.instances.forEach(instance -> addresses.add(instance.upstreamAddress()));
    return addresses;
  }

  /** Returns the value of a header in a raw HTTP/1.1 response, or null. */
  private static String header(String response, String name) {
    String head = response.substring(0, Math.max(0, response.indexOf("\r\n\r\n")));
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
        return line.substring(colon + 1).strip();
      }
    }
    return null;
  }

  private static JsonObject json(String body) {
    return Json.createReader(new StringReader(body)).readObject();
  }

  private long journalBytes(Instance instance) throws Exception {
    Path journal = instance.home().resolve("data/journal");
    if (!Files.isDirectory(journal)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(journal)) {
      long bytes = 0;
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        bytes += Files.size(file);
      }
      return bytes;
    }
  }

  private long countRows(String requestId) throws Exception {
    return ((Number) query("SELECT COUNT(*) AS n FROM api_requests WHERE request_id = ?",
        UUID.fromString(requestId)).get(0).get("n")).longValue();
  }

  private void awaitRow(String requestId) throws Exception {
    long deadline = System.nanoTime() + ROW_TIMEOUT.toNanos();
    while (countRows(requestId) == 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Request " + requestId + " was not stored within " + ROW_TIMEOUT.toSeconds() + " s");
      }
      Thread.sleep(100);
    }
  }

  /** Waits until a request's row exists and has a conversation, and returns its link columns. */
  private Map<String, Object> awaitLinkedRow(String requestId) throws Exception {
    long deadline = System.nanoTime() + ROW_TIMEOUT.toNanos();
    while (true) {
      List<Map<String, Object>> rows = query("SELECT request_id, conversation_id, parent_request_id,"
          + " branch_id FROM api_requests WHERE request_id = ?", UUID.fromString(requestId));
      if (!rows.isEmpty() && rows.get(0).get("conversation_id") != null) {
        return rows.get(0);
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Request " + requestId + " was not stored with a conversation within "
            + ROW_TIMEOUT.toSeconds() + " s: " + rows);
      }
      Thread.sleep(100);
    }
  }

  private List<Map<String, Object>> query(String sql, Object... parameters) throws Exception {
    try (Connection connection = cluster.database.connect();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet result = statement.executeQuery()) {
        List<Map<String, Object>> rows = new ArrayList<>();
        int columns = result.getMetaData().getColumnCount();
        while (result.next()) {
          Map<String, Object> row = new java.util.HashMap<>();
          for (int column = 1; column <= columns; column++) {
            row.put(result.getMetaData().getColumnLabel(column).toLowerCase(Locale.ROOT), result.getObject(column));
          }
          rows.add(row);
        }
        return rows;
      }
    }
  }
}
