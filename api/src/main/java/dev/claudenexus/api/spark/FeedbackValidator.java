package dev.claudenexus.api.spark;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the bodies of {@code POST /api/spark/feedback} and {@code POST /api/spark/feedback/batch}
 * against the shapes Spark accepts. Each problem names the field by its path, such as
 * {@code feedback.recommendation_feedback.overall_feedback.rating}.
 */
public final class FeedbackValidator {

  /** The maximum number of session ids of one batch, and of items of one feedback list. */
  public static final int MAX_ITEMS = 100;
  /** The maximum length of one text field, in characters. */
  public static final int MAX_TEXT = 10_000;

  private static final String[] CODE_CHANGES = {"number_of_files_created", "number_of_files_edited",
      "number_of_files_deleted", "total_number_of_lines_added", "total_number_of_lines_removed"};

  private final List<Problem> problems = new ArrayList<>();

  /** One invalid field and what a valid value looks like. */
  public record Problem(String field, String message) {}

  private FeedbackValidator() {}

  /** Returns the problems of a feedback body; empty when it is valid. */
  public static List<Problem> feedback(JsonValue body) {
    FeedbackValidator validator = new FeedbackValidator();
    JsonObject root = validator.object(body, "(body)");
    if (root != null) {
      validator.sessionId(root.get("session_id"), "session_id");
      JsonObject feedback = validator.object(root.get("feedback"), "feedback");
      if (feedback != null) {
        validator.feedbackFields(feedback);
      }
    }
    return List.copyOf(validator.problems);
  }

  /** Returns the problems of a batch body; empty when it is valid. */
  public static List<Problem> batch(JsonValue body) {
    FeedbackValidator validator = new FeedbackValidator();
    JsonObject root = validator.object(body, "(body)");
    if (root != null) {
      JsonArray ids = validator.array(root.get("session_ids"), "session_ids", true);
      if (ids != null) {
        for (int i = 0; i < ids.size(); i++) {
          validator.sessionId(ids.get(i), "session_ids[" + i + "]");
        }
      }
    }
    return List.copyOf(validator.problems);
  }

  private void feedbackFields(JsonObject feedback) {
    JsonObject recommendation = object(feedback.get("recommendation_feedback"),
        "feedback.recommendation_feedback");
    if (recommendation != null) {
      String path = "feedback.recommendation_feedback";
      JsonObject overall = object(recommendation.get("overall_feedback"), path + ".overall_feedback");
      if (overall != null) {
        integer(overall.get("rating"), path + ".overall_feedback.rating", 1, 5, true);
        text(overall.get("comments"), path + ".overall_feedback.comments", true);
      }
      items(recommendation.get("section_feedbacks"), path + ".section_feedbacks", "section_id", "feedback");
    }
    items(feedback.get("source_feedbacks"), "feedback.source_feedbacks", "source_url", "feedback");
    lessons(feedback.get("lessons_learned"));
    metrics(feedback.get("integration_metrics"));
  }

  private void items(JsonValue value, String path, String... textFields) {
    JsonArray items = array(value, path, false);
    if (items == null) {
      return;
    }
    for (int i = 0; i < items.size(); i++) {
      JsonObject item = object(items.get(i), path + "[" + i + "]");
      if (item != null) {
        for (String field : textFields) {
          text(item.get(field), path + "[" + i + "]." + field, true);
        }
      }
    }
  }

  private void lessons(JsonValue value) {
    String path = "feedback.lessons_learned";
    items(value, path, "situation", "action", "result", "learning");
    JsonArray items = value instanceof JsonArray array ? array : null;
    if (items != null) {
      for (int i = 0; i < items.size(); i++) {
        if (items.get(i) instanceof JsonObject item) {
          text(item.get("generalized_code_example"), path + "[" + i + "].generalized_code_example", false);
        }
      }
    }
  }

  private void metrics(JsonValue value) {
    if (value == null || value == JsonValue.NULL) {
      return;
    }
    String path = "feedback.integration_metrics";
    JsonObject metrics = object(value, path);
    if (metrics == null) {
      return;
    }
    number(metrics.get("integration_time_seconds"), path + ".integration_time_seconds");
    integer(metrics.get("number_of_actions"), path + ".number_of_actions", 0, Integer.MAX_VALUE, false);
    JsonValue changes = metrics.get("code_changes");
    if (changes != null && changes != JsonValue.NULL) {
      JsonObject counts = object(changes, path + ".code_changes");
      if (counts != null) {
        for (String field : CODE_CHANGES) {
          integer(counts.get(field), path + ".code_changes." + field, 0, Integer.MAX_VALUE, false);
        }
      }
    }
  }

  private void sessionId(JsonValue value, String path) {
    if (!(value instanceof JsonString id) || !SessionIds.isValid(id.getString())) {
      problems.add(new Problem(path, "must be a session id of " + SessionIds.expectation()));
    }
  }

  private JsonObject object(JsonValue value, String path) {
    if (value instanceof JsonObject object) {
      return object;
    }
    problems.add(new Problem(path, value == null ? "is required (a JSON object)" : "must be a JSON object"));
    return null;
  }

  private JsonArray array(JsonValue value, String path, boolean required) {
    if (value == null || value == JsonValue.NULL) {
      if (required) {
        problems.add(new Problem(path, "is required (an array of at most " + MAX_ITEMS + " items)"));
      }
      return null;
    }
    if (!(value instanceof JsonArray array)) {
      problems.add(new Problem(path, "must be an array"));
      return null;
    }
    if (array.size() > MAX_ITEMS) {
      problems.add(new Problem(path, "must have at most " + MAX_ITEMS + " items, not " + array.size()));
      return null;
    }
    return array;
  }

  private void text(JsonValue value, String path, boolean required) {
    if (value == null || value == JsonValue.NULL) {
      if (required) {
        problems.add(new Problem(path, "is required (text)"));
      }
      return;
    }
    if (!(value instanceof JsonString text)) {
      problems.add(new Problem(path, "must be text"));
    } else if (text.getString().length() > MAX_TEXT) {
      problems.add(new Problem(path, "must have at most " + MAX_TEXT + " characters"));
    }
  }

  private void integer(JsonValue value, String path, int min, int max, boolean required) {
    if (value == null || value == JsonValue.NULL) {
      if (required) {
        problems.add(new Problem(path, "is required (a whole number from " + min + " to " + max + ")"));
      }
      return;
    }
    if (!(value instanceof JsonNumber number) || !number.isIntegral()
        || number.bigDecimalValue().compareTo(java.math.BigDecimal.valueOf(min)) < 0
        || number.bigDecimalValue().compareTo(java.math.BigDecimal.valueOf(max)) > 0) {
      problems.add(new Problem(path, "must be a whole number from " + min + " to " + max));
    }
  }

  private void number(JsonValue value, String path) {
    if (value == null || value == JsonValue.NULL) {
      return;
    }
    if (!(value instanceof JsonNumber number) || number.doubleValue() < 0
        || Double.isInfinite(number.doubleValue())) {
      problems.add(new Problem(path, "must be a number of 0 or more"));
    }
  }
}
