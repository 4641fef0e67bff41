package dev.claudenexus.testsupport.spark;

import dev.claudenexus.testsupport.http.LoopbackServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback fake of the Spark API's feedback endpoints: {@code POST /send_feedback} stores the
 * {@code feedback} of a session, {@code GET /sessions/{id}/feedback} returns it (404 with a
 * {@code detail} otherwise), and {@code POST /feedback/batch} returns {@code {"results": {id:
 * feedback}}} for the sessions that have some. Requests without the key get 401.
 */
public final class FakeSparkApi implements AutoCloseable {

  private final String apiKey;
  private final LoopbackServer server;
  private final Map<String, JsonObject> feedback = new ConcurrentHashMap<>();
  private volatile int failStatus;

  private FakeSparkApi(String apiKey) {
    this.apiKey = apiKey;
    this.server = LoopbackServer.start("fake-spark", this::handle);
  }

  public static FakeSparkApi start(String apiKey) {
    return new FakeSparkApi(apiKey);
  }

  /** Stores feedback for a session, as an earlier {@code /send_feedback} would have. */
  public void storeFeedback(String sessionId, int rating, String comments) {
    feedback.put(sessionId, Json.createObjectBuilder().add("recommendation_feedback",
        Json.createObjectBuilder().add("overall_feedback",
            Json.createObjectBuilder().add("rating", rating).add("comments", comments))).build());
  }

  /** Returns the stored feedback of a session, or {@code null}. */
  public JsonObject feedbackOf(String sessionId) {
    return feedback.get(sessionId);
  }

  /** Makes every request fail with the status and a {@code detail} until set to 0. */
  public void failWith(int status) {
    failStatus = status;
  }

  public String baseUrl() {
    return server.baseUrl();
  }

  public List<LoopbackServer.Request> received() {
    return server.received();
  }

  /** Forgets the stored feedback and the received requests, and stops failing. */
  public void reset() {
    feedback.clear();
    failStatus = 0;
    server.clearReceived();
  }

  private LoopbackServer.Reply handle(LoopbackServer.Request request) {
    if (!("Bearer " + apiKey).equals(request.authorization())) {
      return detail(401, "Invalid API key");
    }
    if (failStatus != 0) {
      return detail(failStatus, "Spark is unavailable");
    }
    String path = request.rawPath();
    if (request.method().equals("GET") && path.startsWith("/sessions/") && path.endsWith("/feedback")) {
      String id = URLDecoder.decode(path.substring(10, path.length() - 9), StandardCharsets.UTF_8);
      JsonObject stored = feedback.get(id);
      return stored == null ? detail(404, "No feedback for session " + id)
          : new LoopbackServer.Reply(200, Json.createObjectBuilder().add("session_id", id)
              .add("feedback", stored).build().toString());
    }
    if (request.method().equals("POST") && path.equals("/send_feedback")) {
      JsonObject body = parse(request.body());
      feedback.put(body.getString("session_id"), body.getJsonObject("feedback"));
      return new LoopbackServer.Reply(200, Json.createObjectBuilder()
          .add("message", "Feedback received").add("session_id", body.getString("session_id"))
          .build().toString());
    }
    if (request.method().equals("POST") && path.equals("/feedback/batch")) {
      JsonObjectBuilder results = Json.createObjectBuilder();
      for (JsonValue id : parse(request.body()).getJsonArray("session_ids")) {
        JsonObject stored = feedback.get(((JsonString) id).getString());
        if (stored != null) {
          results.add(((JsonString) id).getString(), stored);
        }
      }
      return new LoopbackServer.Reply(200, Json.createObjectBuilder().add("results", results).build().toString());
    }
    return detail(404, "Not Found");
  }

  private static JsonObject parse(String body) {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }

  private static LoopbackServer.Reply detail(int status, String message) {
    return new LoopbackServer.Reply(status, Json.createObjectBuilder().add("detail", message).build().toString());
  }

  @Override
  public void close() {
    server.close();
  }
}
