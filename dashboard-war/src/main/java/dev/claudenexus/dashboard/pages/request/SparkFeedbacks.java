package dev.claudenexus.dashboard.pages.request;

import static dev.claudenexus.json.JsonProviders.JSON;

import dev.claudenexus.api.spark.SparkClient;
import dev.claudenexus.api.spark.SparkReply;
import dev.claudenexus.api.spark.SparkSettings;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The feedback already given on the Spark recommendations of one page, read with one batch call to
 * Spark for all of them.
 */
public final class SparkFeedbacks {

  /** Feedback on one recommendation: a rating from 1 to 5 and the comments. */
  public record Feedback(int rating, String comments) {

    /** Returns the rating as five stars, such as {@code ★★★☆☆}. */
    public String stars() {
      int filled = Math.max(0, Math.min(5, rating));
      return "★".repeat(filled) + "☆".repeat(5 - filled);
    }
  }

  private final boolean configured;
  private final String error;
  private final Map<String, Feedback> bySession;

  private SparkFeedbacks(boolean configured, String error, Map<String, Feedback> bySession) {
    this.configured = configured;
    this.error = error;
    this.bySession = Map.copyOf(bySession);
  }

  /** Reads the feedback of the sessions; no call is made when there are none or Spark is not set up. */
  static SparkFeedbacks read(List<String> sessionIds, SparkSettings settings) {
    if (!settings.configured()) {
      return new SparkFeedbacks(false, null, Map.of());
    }
    if (sessionIds.isEmpty()) {
      return new SparkFeedbacks(true, null, Map.of());
    }
    // Spark takes at most 100 ids per call; a page with more shows the rest without feedback.
    List<String> unique = List.copyOf(new LinkedHashSet<>(sessionIds));
    List<String> ids = unique.subList(0, Math.min(100, unique.size()));
    SparkReply reply = new SparkClient(settings).batchFeedback(JSON.createObjectBuilder()
        .add("session_ids", JSON.createArrayBuilder(ids)).build());
    if (!reply.ok()) {
      String message = reply.body() instanceof JsonObject body ? body.getString("error", "") : "";
      return new SparkFeedbacks(true, "Spark's feedback could not be read (status " + reply.status()
          + (message.isEmpty() ? "" : ": " + message) + ").", Map.of());
    }
    Map<String, Feedback> found = new HashMap<>();
    if (reply.body() instanceof JsonObject body && body.get("results") instanceof JsonObject results) {
      results.forEach((sessionId, value) -> {
        Feedback feedback = feedbackOf(value);
        if (feedback != null) {
          found.put(sessionId, feedback);
        }
      });
    }
    return new SparkFeedbacks(true, null, found);
  }

  /** Reads {@code recommendation_feedback.overall_feedback}, directly or under {@code feedback}. */
  private static Feedback feedbackOf(JsonValue value) {
    if (!(value instanceof JsonObject object)) {
      return null;
    }
    JsonObject feedback = object.get("feedback") instanceof JsonObject inner ? inner : object;
    if (!(feedback.get("recommendation_feedback") instanceof JsonObject recommendation)
        || !(recommendation.get("overall_feedback") instanceof JsonObject overall)) {
      return null;
    }
    int rating = overall.get("rating") instanceof JsonNumber number ? number.intValue() : 0;
    String comments = overall.get("comments") instanceof JsonString text ? text.getString() : "";
    return new Feedback(rating, comments);
  }

  /** Returns whether {@code SPARK_API_KEY} is set, so feedback can be read and given. */
  public boolean isConfigured() {
    return configured;
  }

  /** Returns why the feedback could not be read, or {@code null}. */
  public String getError() {
    return error;
  }

  /** Returns the feedback of a session, or {@code null} when none was given. */
  public Feedback of(String sessionId) {
    return bySession.get(sessionId);
  }
}
