package dev.claudenexus.dashboard.pages.analysis;

import static dev.claudenexus.json.JsonProviders.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sections of a structured analysis, read leniently from its stored JSON: a missing field is
 * empty rather than an error, so an analysis stored by another version still renders.
 */
public record AnalysisSections(String summary, List<String> keyTopics, String sentiment,
    String userIntent, List<String> outcomes, List<Item> actionItems, List<Item> promptingTips,
    List<Item> patterns, List<String> frameworks, List<String> issues, List<String> solutions,
    List<Item> quality) {

  /** One line of a list section: a label, its text and an optional detail. */
  public record Item(String label, String text, String detail) {}

  /** Returns the items separated by commas, or a dash for none. */
  public String joined(List<String> items) {
    return items.isEmpty() ? "-" : String.join(", ", items);
  }

  /** Parses the stored {@code analysis_data}, or returns empty when it is missing or not an object. */
  public static Optional<AnalysisSections> parse(String data) {
    if (data == null || data.isBlank()) {
      return Optional.empty();
    }
    JsonObject a;
    try (var reader = JSON.createReader(new StringReader(data))) {
      if (!(reader.readValue() instanceof JsonObject object)) {
        return Optional.empty();
      }
      a = object;
    } catch (JsonException e) {
      return Optional.empty();
    }

    List<Item> actions = new ArrayList<>();
    for (JsonObject item : objects(a.get("actionItems"))) {
      actions.add(new Item(text(item, "type"), text(item, "description"), text(item, "priority")));
    }

    List<Item> tips = new ArrayList<>();
    for (JsonObject tip : objects(a.get("promptingTips"))) {
      tips.add(new Item(text(tip, "category"), text(tip, "issue"), text(tip, "suggestion")));
    }

    JsonObject p = object(a.get("interactionPatterns"));
    List<Item> patterns = List.of(
        new Item("Prompt clarity", number(p, "promptClarity") + " / 10", null),
        new Item("Context completeness", number(p, "contextCompleteness") + " / 10", null),
        new Item("Follow-up effectiveness", text(p, "followUpEffectiveness"), null),
        new Item("Strengths", String.join(", ", strings(p.get("strengths"))), null),
        new Item("Common issues", String.join(", ", strings(p.get("commonIssues"))), null));

    JsonObject t = object(a.get("technicalDetails"));
    JsonObject q = object(a.get("conversationQuality"));
    List<Item> quality = List.of(
        new Item("Clarity", text(q, "clarity"), text(q, "clarityImprovement")),
        new Item("Completeness", text(q, "completeness"), text(q, "completenessImprovement")),
        new Item("Effectiveness", text(q, "effectiveness"), text(q, "effectivenessImprovement")));

    return Optional.of(new AnalysisSections(text(a, "summary"), strings(a.get("keyTopics")),
        text(a, "sentiment"), text(a, "userIntent"), strings(a.get("outcomes")), actions, tips,
        patterns, strings(t.get("frameworks")), strings(t.get("issues")), strings(t.get("solutions")),
        quality));
  }

  private static String text(JsonObject object, String name) {
    return object.get(name) instanceof JsonString value ? value.getString() : null;
  }

  private static String number(JsonObject object, String name) {
    JsonValue value = object.get(name);
    return value == null || value == JsonValue.NULL ? "-" : value.toString();
  }

  private static JsonObject object(JsonValue value) {
    return value instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
  }

  private static List<JsonObject> objects(JsonValue value) {
    List<JsonObject> objects = new ArrayList<>();
    if (value instanceof JsonArray array) {
      for (JsonValue item : array) {
        if (item instanceof JsonObject object) {
          objects.add(object);
        }
      }
    }
    return objects;
  }

  private static List<String> strings(JsonValue value) {
    List<String> strings = new ArrayList<>();
    if (value instanceof JsonArray array) {
      for (JsonValue item : array) {
        if (item instanceof JsonString text) {
          strings.add(text.getString());
        }
      }
    }
    return strings;
  }
}
