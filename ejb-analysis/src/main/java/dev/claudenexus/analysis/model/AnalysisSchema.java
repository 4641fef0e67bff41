package dev.claudenexus.analysis.model;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks an {@code analysis} object against the analysis schema: required fields, their types, the
 * allowed values of each enumeration, and scores from 0 to 10. Returns every violation, each naming
 * its field, so a log line names what the model got wrong.
 */
final class AnalysisSchema {

  private final List<String> violations = new ArrayList<>();

  private AnalysisSchema() {}

  /** Returns the violations of {@code analysis}; empty when it is valid. */
  static List<String> violations(JsonObject analysis) {
    AnalysisSchema schema = new AnalysisSchema();
    schema.check(analysis);
    return schema.violations;
  }

  private void check(JsonObject a) {
    string(a, "summary", true);
    strings(a, "keyTopics");
    oneOf(a, "sentiment", Set.of("positive", "neutral", "negative", "mixed"), true);
    string(a, "userIntent", true);
    strings(a, "outcomes");
    for (JsonObject item : objects(a, "actionItems")) {
      oneOf(item, "type", Set.of("task", "prompt_improvement", "follow_up"), true);
      string(item, "description", true);
      oneOf(item, "priority", Set.of("high", "medium", "low"), false);
    }
    for (JsonObject tip : objects(a, "promptingTips")) {
      oneOf(tip, "category", Set.of("clarity", "context", "structure", "specificity", "efficiency"), true);
      string(tip, "issue", true);
      string(tip, "suggestion", true);
      string(tip, "example", false);
    }
    object(a, "interactionPatterns").ifPresent(p -> {
      score(p, "promptClarity");
      score(p, "contextCompleteness");
      oneOf(p, "followUpEffectiveness", Set.of("excellent", "good", "needs_improvement"), true);
      strings(p, "commonIssues");
      strings(p, "strengths");
    });
    object(a, "technicalDetails").ifPresent(t -> {
      strings(t, "frameworks");
      strings(t, "issues");
      strings(t, "solutions");
      oneOf(t, "toolUsageEfficiency", Set.of("optimal", "good", "could_improve"), false);
      oneOf(t, "contextWindowManagement", Set.of("efficient", "acceptable", "wasteful"), false);
    });
    object(a, "conversationQuality").ifPresent(q -> {
      oneOf(q, "clarity", Set.of("high", "medium", "low"), true);
      string(q, "clarityImprovement", false);
      oneOf(q, "completeness", Set.of("complete", "partial", "incomplete"), true);
      string(q, "completenessImprovement", false);
      oneOf(q, "effectiveness", Set.of("highly effective", "effective", "needs improvement"), true);
      string(q, "effectivenessImprovement", false);
    });
  }

  private void string(JsonObject o, String name, boolean required) {
    JsonValue value = o.get(name);
    if (value == null || value == JsonValue.NULL) {
      if (required) {
        violations.add(name + " is missing");
      }
    } else if (!(value instanceof JsonString)) {
      violations.add(name + " must be a string");
    }
  }

  private void oneOf(JsonObject o, String name, Set<String> allowed, boolean required) {
    JsonValue value = o.get(name);
    if (value == null || value == JsonValue.NULL) {
      if (required) {
        violations.add(name + " is missing");
      }
    } else if (!(value instanceof JsonString text) || !allowed.contains(text.getString())) {
      violations.add(name + " must be one of " + allowed);
    }
  }

  private void strings(JsonObject o, String name) {
    if (!(o.get(name) instanceof JsonArray array)) {
      violations.add(name + " must be an array of strings");
      return;
    }
    for (JsonValue item : array) {
      if (!(item instanceof JsonString)) {
        violations.add(name + " must contain only strings");
        return;
      }
    }
  }

  private List<JsonObject> objects(JsonObject o, String name) {
    if (!(o.get(name) instanceof JsonArray array)) {
      violations.add(name + " must be an array");
      return List.of();
    }
    List<JsonObject> items = new ArrayList<>();
    for (JsonValue item : array) {
      if (item instanceof JsonObject object) {
        items.add(object);
      } else {
        violations.add(name + " must contain only objects");
      }
    }
    return items;
  }

  private java.util.Optional<JsonObject> object(JsonObject o, String name) {
    if (o.get(name) instanceof JsonObject object) {
      return java.util.Optional.of(object);
    }
    violations.add(name + " must be an object");
    return java.util.Optional.empty();
  }

  private void score(JsonObject o, String name) {
    if (!(o.get(name) instanceof JsonNumber number)
        || number.doubleValue() < 0 || number.doubleValue() > 10) {
      violations.add(name + " must be a number from 0 to 10");
    }
  }
}
