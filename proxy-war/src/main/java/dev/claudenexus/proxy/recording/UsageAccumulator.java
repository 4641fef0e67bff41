package dev.claudenexus.proxy.recording;

import static dev.claudenexus.json.JsonProviders.JSON;

import dev.claudenexus.usage.TokenUsage;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code usage} of a streamed message, merged from {@code message_start} and every
 * {@code message_delta}.
 *
 * <p>The counts in {@code message_delta} are cumulative, so each field it carries replaces the
 * earlier value and is never added to it. Fields it omits keep their earlier value.
 */
final class UsageAccumulator {

  private final Map<String, JsonValue> fields = new LinkedHashMap<>();
  private boolean reported;

  void merge(JsonObject usage) {
    if (usage == null) {
      return;
    }
    reported = true;
    for (Map.Entry<String, JsonValue> field : usage.entrySet()) {
      // A null carries no count, so it does not erase a count reported earlier.
      boolean isNull = field.getValue().getValueType() == JsonValue.ValueType.NULL;
      if (!isNull || !fields.containsKey(field.getKey())) {
        fields.put(field.getKey(), field.getValue());
      }
    }
  }

  /** Returns the merged usage object, or null when no event carried one. */
  JsonObject toJson() {
    if (!reported) {
      return null;
    }
    JsonObjectBuilder usage = JSON.createObjectBuilder();
    fields.forEach(usage::add);
    return usage.build();
  }

  /** Reads the token counts of an API {@code usage} object, or returns NONE for null. */
  static TokenUsage toTokenUsage(JsonObject usage) {
    if (usage == null) {
      return TokenUsage.NONE;
    }
    JsonObject cacheCreation = JsonSupport.object(usage, "cache_creation");
    return new TokenUsage(
        JsonSupport.count(usage, "input_tokens"),
        JsonSupport.count(usage, "output_tokens"),
        JsonSupport.count(usage, "cache_creation_input_tokens"),
        JsonSupport.count(usage, "cache_read_input_tokens"),
        JsonSupport.count(cacheCreation, "ephemeral_5m_input_tokens"),
        JsonSupport.count(cacheCreation, "ephemeral_1h_input_tokens"));
  }
}
