package dev.claudenexus.proxy.recording;

import static dev.claudenexus.json.JsonProviders.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One content block of a streamed message: the block from {@code content_block_start} plus the
 * deltas applied to it.
 *
 * <p>Deltas are applied by delta type whatever the block type, so a block of an unknown type
 * still keeps the text or tool input streamed into it. A field that received deltas replaces the
 * field of the start block, with the start value as prefix.
 */
final class ContentBlockBuilder {

  private static final Set<String> KNOWN_TYPES =
      Set.of("text", "tool_use", "server_tool_use", "thinking", "redacted_thinking");

  /**
   * Tool input of a block.
   *
   * @param value the parsed object, the raw text as a JSON string, or null when the block has none
   * @param raw the concatenated {@code partial_json} text, or the start input as JSON
   */
  record ToolInput(JsonValue value, boolean parsed, String raw) {}

  private final JsonObject start;
  private StringBuilder text;
  private StringBuilder thinking;
  private StringBuilder signature;
  private StringBuilder partialJson;
  private List<JsonValue> citations;
  private boolean stopped;

  ContentBlockBuilder(JsonObject start) {
    this.start = start;
  }

  String type() {
    return JsonSupport.string(start, "type");
  }

  boolean isKnownType() {
    String type = type();
    return type != null && KNOWN_TYPES.contains(type);
  }

  /** Applies one delta and returns false when its type is unknown, which leaves the block as is. */
  boolean applyDelta(JsonObject delta) {
    String deltaType = JsonSupport.string(delta, "type");
    if (deltaType == null) {
      return false;
    }
    switch (deltaType) {
      case "text_delta" -> text = append(text, JsonSupport.string(delta, "text"));
      case "input_json_delta" ->
          partialJson = append(partialJson, JsonSupport.string(delta, "partial_json"));
      case "thinking_delta" -> thinking = append(thinking, JsonSupport.string(delta, "thinking"));
      // NOTE: several signature_delta events are concatenated like other deltas. Whether the
      // API ever sends more than one per block is unverified.
      case "signature_delta" ->
          signature = append(signature, JsonSupport.string(delta, "signature"));
      case "citations_delta" -> addCitation(delta.get("citation"));
      default -> {
        return false;
      }
    }
    return true;
  }

  void stop() {
    stopped = true;
  }

  /**
   * Returns the tool input. Streamed input is parsed only once the block stopped, because the
   * text of a block that never stopped may be cut anywhere.
   */
  ToolInput input() {
    String raw = partialJson == null ? "" : partialJson.toString();
    if (raw.isBlank()) {
      JsonValue startInput = start.get("input");
      String startInputText = startInput == null ? "" : JsonSupport.write(startInput);
      return new ToolInput(startInput, startInput instanceof JsonObject, startInputText);
    }
    JsonObject parsed = stopped ? JsonSupport.parseObject(raw) : null;
    if (parsed == null) {
      return new ToolInput(JSON.createValue(raw), false, raw);
    }
    return new ToolInput(parsed, true, raw);
  }

  boolean hasStreamedInput() {
    return partialJson != null;
  }

  /** Builds the block as the non-streaming API returns it. */
  JsonObject toJson(ToolInput input) {
    JsonObjectBuilder block = JSON.createObjectBuilder(start);
    if (text != null) {
      block.add("text", startText("text") + text);
    }
    if (thinking != null) {
      block.add("thinking", startText("thinking") + thinking);
    }
    if (signature != null) {
      block.add("signature", startText("signature") + signature);
    }
    if (citations != null) {
      block.add("citations", mergedCitations());
    }
    if (partialJson != null && input.value() != null) {
      block.add("input", input.value());
    }
    return block.build();
  }

  private static StringBuilder append(StringBuilder target, String piece) {
    StringBuilder result = target == null ? new StringBuilder() : target;
    if (piece != null) {
      result.append(piece);
    }
    return result;
  }

  private void addCitation(JsonValue citation) {
    if (citations == null) {
      citations = new ArrayList<>();
    }
    if (citation != null) {
      citations.add(citation);
    }
  }

  private String startText(String key) {
    String value = JsonSupport.string(start, key);
    return value == null ? "" : value;
  }

  private JsonArray mergedCitations() {
    JsonArrayBuilder merged = JSON.createArrayBuilder();
    JsonArray startCitations = JsonSupport.array(start, "citations");
    if (startCitations != null) {
      startCitations.forEach(merged::add);
    }
    citations.forEach(merged::add);
    return merged.build();
  }
}
