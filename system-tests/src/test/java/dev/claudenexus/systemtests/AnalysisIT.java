package dev.claudenexus.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudenexus.testsupport.gemini.GeminiCall;
import dev.claudenexus.testsupport.gemini.GeminiReply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * AI analyses end to end: the API on the proxy's port, the batch job in the proxy against the
 * loopback fake Gemini API, and the rows stored, on the run's database.
 */
@ExtendWith(NexusServerExtension.class)
class AnalysisIT {

  static final Duration DONE_WITHIN = Duration.ofSeconds(60);

  private final NexusServer server;
  private final AnalysisFixtures fixtures;
  private final ApiClient api = new ApiClient();

  AnalysisIT(NexusServer server) {
    this.server = server;
    this.fixtures = new AnalysisFixtures(server.database);
  }

  @Test
  void happyPathStoresStructuredAnalysis() throws Exception {
    String marker = marker("HAPPY");
    UUID conversation = fixtures.conversation(marker, 3, "my mail is jane.doe@example.com");

    HttpResponse<String> created = create(conversation, "main", null);

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(json(created).getString("status")).isEqualTo("pending");
    JsonObject done = awaitStatus(conversation, "completed");
    assertThat(done.getJsonObject("data").getString("summary")).contains("sorting function");
    assertThat(done.getString("content")).startsWith("## Summary");
    assertThat(done.getString("modelUsed")).isEqualTo("gemini-test");
    assertThat(done.getJsonObject("tokenUsage").getInt("total")).isEqualTo(1500);
    assertThat(done.getJsonNumber("costUsd").bigDecimalValue()).isEqualByComparingTo("0.0045");
    List<GeminiCall> calls = server.gemini.callsContaining(marker);
    assertThat(calls).hasSize(1);
    assertThat(calls.get(0).model()).isEqualTo("gemini-test");
    assertThat(calls.get(0).apiKey()).isEqualTo(NexusServer.GEMINI_API_KEY);
    assertThat(calls.get(0).text()).contains("[EMAIL]").doesNotContain("jane.doe@example.com");
    assertThat(calls.get(0).text()).contains("Based on the preceding conversation");
    assertThat(calls.get(0).body()).contains("\"generationConfig\"").contains("\"role\":\"model\"");
  }

  @Test
  void secondRequestReportsExistingAnalysis() throws Exception {
    UUID conversation = fixtures.conversation(marker("AGAIN"), 1, "");
    create(conversation, "main", null);
    awaitStatus(conversation, "completed");

    HttpResponse<String> again = create(conversation, "main", null);

    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(json(again).getString("message")).isEqualTo("Analysis already completed");
  }

  @Test
  void malformedOutputStoredAsRawText() throws Exception {
    String marker = marker("MALFORMED");
    String raw = "I cannot produce JSON today. <script>alert(1)</script>";
    server.gemini.script(marker, attempt -> GeminiReply.text(raw, 100, 20));
    UUID conversation = fixtures.conversation(marker, 2, "");

    create(conversation, "main", null);
    JsonObject done = awaitStatus(conversation, "completed");

    assertThat(done.getString("content")).isEqualTo(raw);
    assertThat(done.isNull("data")).isTrue();
  }

  @Test
  void timeoutThenSuccessOnRetry() throws Exception {
    String marker = marker("TIMEOUT");
    server.gemini.script(marker, attempt -> attempt == 1
        ? GeminiReply.analysis().after(Duration.ofMillis(NexusServer.GEMINI_TIMEOUT_MS + 2000))
        : GeminiReply.analysis());
    UUID conversation = fixtures.conversation(marker, 1, "");

    create(conversation, "main", null);
    JsonObject done = awaitStatus(conversation, "completed");

    assertThat(done.getInt("retryCount")).isEqualTo(1);
    assertThat(done.getJsonObject("errorHistory").getJsonObject("retry_1").getString("message"))
        .contains("timed out after " + NexusServer.GEMINI_TIMEOUT_MS + " ms");
    assertThat(server.gemini.callsContaining(marker)).hasSize(2);
  }

  @Test
  void maxRetriesReachedThenRequestedAgain() throws Exception {
    String marker = marker("ALWAYS-FAILS");
    server.gemini.script(marker, attempt -> attempt <= 3
        ? GeminiReply.error(503, "UNAVAILABLE", "The model is overloaded. Please try again later.")
        : GeminiReply.analysis());
    UUID conversation = fixtures.conversation(marker, 1, "");

    create(conversation, "main", null);
    JsonObject failed = awaitStatus(conversation, "failed");

    assertThat(failed.getString("error")).contains("Failed after 3 attempts")
        .contains("Gemini API error (503)");
    assertThat(failed.getInt("retryCount")).isEqualTo(3);
    assertThat(server.gemini.callsContaining(marker)).hasSize(3);

    HttpResponse<String> retried = create(conversation, "main", null);

    assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
    assertThat(json(retried).getString("status")).isEqualTo("pending");
    assertThat(awaitStatus(conversation, "completed").getInt("retryCount")).isZero();
  }

  @Test
  void regenerateResetsRetriesAndUsesPrompt() throws Exception {
    String marker = marker("REGENERATE");
    UUID conversation = fixtures.conversation(marker, 1, "");
    create(conversation, "main", null);
    awaitStatus(conversation, "completed");
    fixtures.update("UPDATE conversation_analyses SET retry_count = 2 WHERE conversation_id = ?",
        conversation);

    HttpResponse<String> regenerated = api.send("POST", analysisUrl(conversation, "main") + "/regenerate",
        "{\"customPrompt\":\"List only the REGENERATE-PROMPT topics.\"}", key());

    assertThat(regenerated.statusCode()).as(regenerated.body()).isEqualTo(200);
    assertThat(json(regenerated).getString("message")).isEqualTo("Analysis regeneration requested");
    JsonObject done = awaitStatus(conversation, "completed");
    assertThat(done.getInt("retryCount")).isZero();
    assertThat(done.getString("customPrompt")).isEqualTo("List only the REGENERATE-PROMPT topics.");
    List<GeminiCall> calls = server.gemini.callsContaining(marker);
    assertThat(calls).hasSize(2);
    assertThat(calls.get(1).text()).contains("List only the REGENERATE-PROMPT topics.");
  }

  @Test
  void stuckJobResetAndProcessed() throws Exception {
    String marker = marker("STUCK");
    UUID conversation = fixtures.conversation(marker, 1, "");
    long id = fixtures.analysisRow(conversation, "processing", "job-crashed-p0", Duration.ofMinutes(10));

    JsonObject done = awaitStatus(conversation, "completed");

    assertThat(done.getInt("id")).isEqualTo((int) id);
    assertThat(done.getJsonObject("errorHistory").getJsonObject("stuck_job").getString("message"))
        .contains("Reset by watchdog");
    assertThat(done.getInt("retryCount")).isEqualTo(1);
  }

  @Test
  void truncatesLongConversationWithinBudget() throws Exception {
    String marker = marker("LONG");
    // 1,000 requests are 2,000 turns of about 1,000 characters each: about 700,000 estimated
    // tokens, seven times the test budget.
    UUID conversation = fixtures.conversation(marker, 1000, "x".repeat(1000));

    create(conversation, "main", null);
    awaitStatus(conversation, "completed");

    GeminiCall call = server.gemini.callsContaining(marker).get(0);
    JsonObject request = Json.createReader(new StringReader(call.body())).readObject();
    List<JsonObject> contents = request.getJsonArray("contents").getValuesAs(JsonObject.class);
    long estimatedTokens = 0;
    for (JsonObject turn : contents.subList(0, contents.size() - 1)) {
      String text = turn.getJsonArray("parts").getJsonObject(0).getString("text");
      estimatedTokens += (text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 2) / 3 + 8;
    }
    assertThat(estimatedTokens).isLessThanOrEqualTo(NexusServer.MAX_PROMPT_TOKENS);
    assertThat(call.text()).contains("[...conversation truncated...]");
    assertThat(call.text()).contains(marker + " question 0000").contains(marker + " question 0999");
    assertThat(call.text()).doesNotContain(marker + " question 0500");
  }

  @Test
  void costCapStopsClaimingUntilSpendDrops() throws Exception {
    String expensive = marker("EXPENSIVE");
    String waiting = marker("AFTER-CAP");
    // 40,000,000 prompt tokens at 1.25 USD per million cost 50 USD, the whole cap.
    server.gemini.script(expensive, attempt -> GeminiReply.text(GeminiReply.VALID_ANALYSIS, 40_000_000, 10));
    UUID first = fixtures.conversation(expensive, 1, "");
    UUID second = fixtures.conversation(waiting, 1, "");
    try {
      create(first, "main", null);
      awaitStatus(first, "completed");
      create(second, "main", null);
      Thread.sleep(3000);

      JsonObject pending = json(api.get(analysisUrl(second, "main"), key()));
      assertThat(pending.getString("status")).isEqualTo("pending");
      assertThat(pending.getString("waitingFor")).isEqualTo("daily_cost_cap");
      assertThat(server.gemini.callsContaining(waiting)).isEmpty();
      assertThat(java.nio.file.Files.readString(server.home.resolve("logs/proxy.log")))
          .contains("daily cost cap of " + NexusServer.MAX_COST_PER_DAY + " USD");
      // Payara names the batch tables with the prefix "jbatch", in the application's database.
      Object exitStatus = fixtures.queryValue("SELECT exitstatus FROM jbatchexecutioninstancedata"
          + " WHERE exitstatus LIKE 'COST_CAP_REACHED%' ORDER BY jobexecid DESC LIMIT 1");
      assertThat(exitStatus).as("exit status of the run that hit the cap").isNotNull();
    } finally {
      fixtures.update("UPDATE conversation_analyses SET cost_usd = 0 WHERE conversation_id = ?", first);
    }
    awaitStatus(second, "completed");
  }

  @Test
  void invalidRequestsGetBadRequest() throws Exception {
    String url = server.baseUrl() + "/api/analyses";
    String[] bodies = {
        "not json",
        "[]",
        "{\"branchId\":\"main\"}",
        "{\"conversationId\":\"not-a-uuid\",\"branchId\":\"main\"}",
        "{\"conversationId\":\"" + UUID.randomUUID() + "\",\"branchId\":\"\"}",
        "{\"conversationId\":\"" + UUID.randomUUID() + "\",\"branchId\":\"" + "b".repeat(256) + "\"}",
        "{\"conversationId\":\"" + UUID.randomUUID() + "\",\"branchId\":\"main\",\"customPrompt\":\""
            + "p".repeat(50_001) + "\"}",
        "{\"conversationId\":\"" + UUID.randomUUID() + "\",\"branchId\":\"main\",\"customPrompt\":7}",
        "{\"conversationId\":\"" + UUID.randomUUID() + "\",\"branchId\":\"ma\\u0000in\"}",
        "{\"x\":\"" + "y".repeat(300_000) + "\"}",
    };
    for (String body : bodies) {
      HttpResponse<String> response = api.send("POST", url, body, key());

      assertThat(response.statusCode()).as(shorten(body)).isEqualTo(400);
      assertThat(json(response).getString("error")).as(shorten(body)).isEqualTo("Invalid request");
      assertThat(json(response).getJsonArray("details")).as(shorten(body)).isNotEmpty();
    }
    HttpResponse<String> badPath = api.get(server.baseUrl() + "/api/analyses/nope/main", key());
    assertThat(badPath.statusCode()).isEqualTo(400);
  }

  @Test
  void unknownConversationNotFound() throws Exception {
    UUID unknown = UUID.randomUUID();

    HttpResponse<String> created = create(unknown, "main", null);
    HttpResponse<String> read = api.get(analysisUrl(unknown, "main"), key());

    assertThat(created.statusCode()).isEqualTo(404);
    assertThat(json(created).getString("error")).contains(unknown.toString());
    assertThat(read.statusCode()).isEqualTo(404);
    assertThat(json(read).getString("error")).isEqualTo("Analysis not found");
  }

  @Test
  void writesNeedTheKey() throws Exception {
    UUID conversation = fixtures.conversation(marker("NO-KEY"), 1, "");
    String body = "{\"conversationId\":\"" + conversation + "\",\"branchId\":\"main\"}";

    HttpResponse<String> withoutKey = api.send("POST", server.baseUrl() + "/api/analyses", body,
        "Content-Type", "application/json");
    HttpResponse<String> wrongKey = api.send("POST", server.baseUrl() + "/api/analyses", body,
        "Content-Type", "application/json", "X-Dashboard-Key", "wrong");

    assertThat(withoutKey.statusCode()).isEqualTo(401);
    assertThat(wrongKey.statusCode()).isEqualTo(401);
    assertThat(fixtures.queryValue("SELECT COUNT(*) FROM conversation_analyses WHERE conversation_id = ?",
        conversation).toString()).isEqualTo("0");
  }

  @Test
  void readOnlyModeRejectsWrites(ReadOnlyServices readOnly) throws Exception {
    UUID conversation = fixtures.conversation(marker("READ-ONLY"), 1, "");
    String body = "{\"conversationId\":\"" + conversation + "\",\"branchId\":\"main\"}";
    for (String base : List.of(readOnly.proxyUrl(), readOnly.dashboardUrl())) {
      HttpResponse<String> created = api.send("POST", base + "/api/analyses", body,
          "Content-Type", "application/json");
      HttpResponse<String> regenerated = api.send("POST", base + "/api/analyses/" + conversation
          + "/main/regenerate", "{}", "Content-Type", "application/json");
      HttpResponse<String> read = api.get(base + "/api/analyses/" + conversation + "/main");

      assertThat(created.statusCode()).as(base).isEqualTo(403);
      assertThat(json(created).getString("error"))
          .isEqualTo("Read-only mode: This endpoint is not available without DASHBOARD_API_KEY");
      assertThat(regenerated.statusCode()).as(base).isEqualTo(403);
      assertThat(read.statusCode()).as(base).isEqualTo(404);
    }
  }

  @Test
  void creationRateLimitedPerDomain() throws Exception {
    // localhost:PORT is a domain of its own, so the other tests' requests do not count against it.
    String url = "http://localhost:" + server.port + "/api/analyses";
    String body = "{\"conversationId\":\"" + UUID.randomUUID() + "\",\"branchId\":\"main\"}";
    HttpResponse<String> last = null;
    for (int i = 0; i <= NexusServer.ANALYSIS_CREATION_LIMIT; i++) {
      last = api.send("POST", url, body, key());
    }

    assertThat(last.statusCode()).isEqualTo(429);
    assertThat(last.headers().firstValue("Retry-After")).isPresent();
    JsonObject error = json(last).getJsonObject("error");
    assertThat(error.getString("type")).isEqualTo("rate_limit_error");
    assertThat(error.getInt("retry_after")).isPositive();
  }

  @Test
  void streamsSendStatusChanges() throws Exception {
    UUID conversation = fixtures.conversation(marker("STREAM"), 1, "");
    // The analyses' own stream, and the stream of new requests, which carries their changes too.
    try (SseReader analyses = SseReader.open(server.baseUrl() + "/api/analyses/stream",
            "X-Dashboard-Key", NexusServer.DASHBOARD_KEY);
        SseReader requests = SseReader.open(server.dashboardUrl() + "/api/requests/stream",
            "X-Dashboard-Key", NexusServer.DASHBOARD_KEY)) {
      analyses.awaitEvent("connected", Duration.ofSeconds(10));
      requests.awaitEvent("connected", Duration.ofSeconds(10));

      create(conversation, "main", null);

      String completed = conversation + "\",\"branchId\":\"main\",\"status\":\"completed\"";
      assertThat(analyses.awaitEvent("analysis", completed, DONE_WITHIN)).contains("\"status\":\"completed\"");
      assertThat(requests.awaitEvent("analysis", completed, DONE_WITHIN)).contains("\"status\":\"completed\"");
    }
  }

  @Test
  void operatorCommandsReportAndRepair() throws Exception {
    UUID conversation = fixtures.conversation(marker("OPERATOR"), 1, "");
    long id = fixtures.analysisRow(conversation, "pending", null, Duration.ZERO);
    fixtures.update("UPDATE conversation_analyses SET retry_count = 9 WHERE id = ?", id);

    String status = server.run("analysis", "status");
    String failed = server.run("analysis", "fail-exceeded");
    String reset = server.run("analysis", "reset-stuck", "--older-than-minutes", "60");

    assertThat(status).contains("pending").contains("completed").contains("cost today");
    // The running worker's housekeeping may fail the row first; either way it ends failed.
    assertThat(failed).matches("(?s).*Failed \\d+ pending analyses with 3 or more retries.*");
    assertThat(fixtures.status(id)).isEqualTo("failed");
    assertThat(reset).startsWith("Reset 0 analyses");
  }

  private HttpResponse<String> create(UUID conversation, String branch, String prompt) throws Exception {
    var body = Json.createObjectBuilder().add("conversationId", conversation.toString()).add("branchId", branch);
    if (prompt != null) {
      body.add("customPrompt", prompt);
    }
    return api.send("POST", server.baseUrl() + "/api/analyses", body.build().toString(), key());
  }

  private JsonObject awaitStatus(UUID conversation, String status) throws Exception {
    long deadline = System.nanoTime() + DONE_WITHIN.toNanos();
    String last = null;
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response = api.get(analysisUrl(conversation, "main"), key());
      last = response.body();
      if (response.statusCode() == 200 && json(response).getString("status").equals(status)) {
        return json(response);
      }
      Thread.sleep(250);
    }
    throw new AssertionError("The analysis of " + conversation + " did not become " + status
        + " within " + DONE_WITHIN + "; last response: " + last);
  }

  private String analysisUrl(UUID conversation, String branch) {
    return server.baseUrl() + "/api/analyses/" + conversation + "/" + branch;
  }

  private static String[] key() {
    return new String[] {"X-Dashboard-Key", NexusServer.DASHBOARD_KEY, "Content-Type", "application/json"};
  }

  static String marker(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static JsonObject json(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  private static String shorten(String text) {
    return text.length() > 80 ? text.substring(0, 80) + "..." : text;
  }
}
