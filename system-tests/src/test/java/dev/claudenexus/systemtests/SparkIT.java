package dev.claudenexus.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /api/spark/*} against a loopback fake of the Spark API: forwarding with the key, the 400 of
 * invalid input naming the field, Spark's errors relayed with its status, and 503 without a key.
 */
@ExtendWith(NexusServerExtension.class)
class SparkIT {

  private static final String FEEDBACK = "{\"session_id\":\"%s\",\"feedback\":{\"recommendation_feedback\":"
      + "{\"overall_feedback\":{\"rating\":%s,\"comments\":\"Helpful\"}}}}";

  private final NexusServer server;
  private final ApiClient http = new ApiClient();

  SparkIT(NexusServer server) {
    this.server = server;
  }

  @BeforeEach
  void resetFake() {
    server.spark.reset();
  }

  private HttpResponse<String> post(String base, String path, String body, String contentType)
      throws Exception {
    return http.send("POST", base + path, body, "X-Dashboard-Key", NexusServer.DASHBOARD_KEY,
        "Content-Type", contentType);
  }

  private HttpResponse<String> get(String base, String path) throws Exception {
    return http.send("GET", base + path, null, "X-Dashboard-Key", NexusServer.DASHBOARD_KEY);
  }

  private static JsonObject json(HttpResponse<String> response) {
    return McpClient.json(response.body()).asJsonObject();
  }

  @Test
  void feedbackIsForwardedWithKey() throws Exception {
    HttpResponse<String> response = post(server.baseUrl(), "/api/spark/feedback",
        FEEDBACK.formatted("sess-forward", 5), "application/json");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(json(response).getString("message")).isEqualTo("Feedback received");
    assertThat(server.spark.feedbackOf("sess-forward").getJsonObject("recommendation_feedback")
        .getJsonObject("overall_feedback").getInt("rating")).isEqualTo(5);
    assertThat(server.spark.received()).allMatch(request ->
        ("Bearer " + NexusServer.SPARK_KEY).equals(request.authorization()));
    assertThat(response.body()).doesNotContain(NexusServer.SPARK_KEY);
  }

  @Test
  void sessionFeedbackIsRelayed() throws Exception {
    HttpResponse<String> missing = get(server.dashboardUrl(), "/api/spark/sessions/sess-none/feedback");
    server.spark.storeFeedback("sess-read", 3, "Fine");
    HttpResponse<String> found = get(server.baseUrl(), "/api/spark/sessions/sess-read/feedback");

    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(json(missing).getString("error")).isEqualTo("No feedback for session sess-none");
    assertThat(found.statusCode()).isEqualTo(200);
    assertThat(json(found).getJsonObject("feedback").toString()).contains("\"rating\":3");
  }

  @Test
  void batchReturnsStoredFeedback() throws Exception {
    server.spark.storeFeedback("sess-a", 4, "Good");

    HttpResponse<String> response = post(server.baseUrl(), "/api/spark/feedback/batch",
        "{\"session_ids\":[\"sess-a\",\"sess-b\"]}", "application/json");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).getJsonObject("results").keySet()).containsExactly("sess-a");
  }

  @Test
  void invalidFeedbackNamesField() throws Exception {
    HttpResponse<String> response = post(server.baseUrl(), "/api/spark/feedback",
        FEEDBACK.formatted("sess-x", 9), "application/json");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).getString("error")).isEqualTo("Invalid request data");
    assertThat(json(response).getString("message"))
        .startsWith("feedback.recommendation_feedback.overall_feedback.rating");
    assertThat(json(response).getJsonArray("details").getJsonObject(0).getString("field"))
        .isEqualTo("feedback.recommendation_feedback.overall_feedback.rating");
    assertThat(server.spark.received()).isEmpty();
  }

  @Test
  void malformedBodiesAreRejected() throws Exception {
    HttpResponse<String> notJson = post(server.baseUrl(), "/api/spark/feedback", "{oops", "application/json");
    HttpResponse<String> wrongType = post(server.baseUrl(), "/api/spark/feedback",
        FEEDBACK.formatted("s", 3), "text/plain");
    HttpResponse<String> oversized = post(server.baseUrl(), "/api/spark/feedback",
        FEEDBACK.formatted("s", 3).replace("Helpful", "x".repeat(1_100_000)), "application/json");
    HttpResponse<String> tooMany = post(server.baseUrl(), "/api/spark/feedback/batch",
        "{\"session_ids\":[" + "\"s\",".repeat(100) + "\"s\"]}", "application/json");
    HttpResponse<String> hostileId = get(server.baseUrl(), "/api/spark/sessions/bad%20id%3F/feedback");
    HttpResponse<String> nested = post(server.baseUrl(), "/api/spark/feedback/batch",
        "{\"session_ids\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}", "application/json");

    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(json(notJson).getString("message")).contains("not valid JSON");
    assertThat(wrongType.statusCode()).isEqualTo(415);
    assertThat(oversized.statusCode()).isEqualTo(413);
    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(json(tooMany).getString("message")).startsWith("session_ids");
    assertThat(hostileId.statusCode()).isEqualTo(400);
    assertThat(nested.statusCode()).isEqualTo(400);
    assertThat(json(nested).getString("message")).contains("deeper than");
    assertThat(server.spark.received()).isEmpty();
  }

  @Test
  void upstreamErrorIsRelayed() throws Exception {
    server.spark.failWith(500);

    HttpResponse<String> response = post(server.baseUrl(), "/api/spark/feedback",
        FEEDBACK.formatted("sess-fail", 2), "application/json");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(json(response).getString("error")).isEqualTo("Spark is unavailable");
  }

  @Test
  void missingKeyGets503(ReadOnlyServices readOnly) throws Exception {
    HttpResponse<String> response = http.send("GET",
        readOnly.proxyUrl() + "/api/spark/sessions/sess-a/feedback", null);

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(json(response).getString("error")).startsWith("Spark API not configured");
  }
}
