package dev.claudenexus.analysis.model;

import static dev.claudenexus.json.JsonProviders.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.logging.Logger;
import java.util.Optional;

/**
 * Parses the model's text: the JSON in its first {@code ```json} fenced block (or the whole text),
 * which must be {@code {"analysis": {...}}} and valid against the schema. A valid analysis is stored
 * as data and rendered as Markdown. Any other text is stored as it is, with no data, so the panel
 * still shows what the model wrote.
 *
 * @param content Markdown of a valid analysis, or the model's text
 * @param data the {@code analysis} object as JSON text, or {@code null}
 */
public record AnalysisOutput(String content, String data) {

  /** Maximum length of the stored model text, far above that of a valid analysis. */
  static final int MAX_TEXT_CHARS = 200_000;

  private static final Logger LOG = Logger.getLogger(AnalysisOutput.class.getName());
  private static final String FENCE_START = "```json";
  private static final String FENCE_END = "```";

  /** Parses the model's text. */
  public static AnalysisOutput parse(String text) {
    String stored = text.length() > MAX_TEXT_CHARS ? text.substring(0, MAX_TEXT_CHARS) : text;
    String json = fencedJson(stored).orElse(stored).strip();
    JsonValue value;
    try (var reader = JSON.createReader(new StringReader(json))) {
      value = reader.readValue();
    } catch (JsonException e) {
      LOG.fine(() -> "The model's output is not JSON; storing its text: " + e.getMessage());
      return new AnalysisOutput(stored, null);
    }
    if (!(value instanceof JsonObject document) || !(document.get("analysis") instanceof JsonObject analysis)) {
      LOG.fine("The model's output has no \"analysis\" object; storing its text");
      return new AnalysisOutput(stored, null);
    }
    List<String> violations = AnalysisSchema.violations(analysis);
    if (!violations.isEmpty()) {
      LOG.fine(() -> "The model's analysis does not match the schema (" + String.join("; ", violations)
          + "); storing its text");
      return new AnalysisOutput(stored, null);
    }
    return new AnalysisOutput(AnalysisMarkdown.render(analysis), analysis.toString());
  }

  /** Returns the text of the first {@code ```json} fenced block, found in one pass over the text. */
  static Optional<String> fencedJson(String text) {
    int start = text.indexOf(FENCE_START);
    if (start < 0) {
      return Optional.empty();
    }
    int from = start + FENCE_START.length();
    int end = text.indexOf(FENCE_END, from);
    return end < 0 ? Optional.empty() : Optional.of(text.substring(from, end));
  }
}
