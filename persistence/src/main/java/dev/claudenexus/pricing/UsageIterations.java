package dev.claudenexus.pricing;

import dev.claudenexus.usage.TokenUsage;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the {@code iterations} array of a response's raw {@code usage} object. The API sends it when
 * more than one model attempt served a request, for example a server-side fallback after a refusal.
 *
 * <p>NOTE: this shape is inferred from the API's field names, not checked against a recorded response,
 * so it is read liberally: {@code usage.iterations} is an array of objects. Each may carry
 * {@code type} (such as {@code "message"} or {@code "fallback_message"}), {@code model},
 * {@code stop_reason}, {@code stop_details.type}, and the token counts {@code input_tokens},
 * {@code output_tokens}, {@code cache_read_input_tokens}, {@code cache_creation_input_tokens} and
 * {@code cache_creation.ephemeral_5m_input_tokens} / {@code ephemeral_1h_input_tokens}, either directly
 * or inside a nested {@code usage} object. A missing model means the request's model. A count given as
 * a digit string is read as a number, and a missing, negative, fractional or non-numeric count is 0.
 * Elements that are not objects are skipped.
 */
final class UsageIterations {

  /**
   * One model attempt.
   *
   * @param billed false for an attempt that the model declined before producing output
   */
  record Iteration(String model, TokenUsage usage, boolean billed) {}

  private UsageIterations() {}

  /** Returns the iterations of {@code rawUsage}, or an empty list when it has none. */
  static List<Iteration> from(JsonObject rawUsage, String requestModel) {
    if (rawUsage == null || !(rawUsage.get("iterations") instanceof JsonArray array)) {
      return List.of();
    }
    List<Iteration> iterations = new ArrayList<>(array.size());
    for (JsonValue element : array) {
      if (element instanceof JsonObject iteration) {
        iterations.add(read(iteration, requestModel));
      }
    }
    return iterations;
  }

  private static Iteration read(JsonObject iteration, String requestModel) {
    JsonObject counts = iteration.get("usage") instanceof JsonObject nested ? nested : iteration;
    JsonObject cacheCreation = objectOrEmpty(counts.get("cache_creation"));
    TokenUsage usage =
        new TokenUsage(
            count(counts, "input_tokens"),
            count(counts, "output_tokens"),
            count(counts, "cache_creation_input_tokens"),
            count(counts, "cache_read_input_tokens"),
            count(cacheCreation, "ephemeral_5m_input_tokens"),
            count(cacheCreation, "ephemeral_1h_input_tokens"));
    String model = text(iteration, "model");
    String effectiveModel = model.isBlank() ? requestModel : model;
    return new Iteration(effectiveModel, usage, !declinedBeforeOutput(iteration, usage));
  }

  /**
   * Returns whether the attempt is not billed: it produced no output tokens, and its {@code type},
   * {@code stop_reason} or {@code stop_details.type} contains "refus" or "declin" (as in "refusal",
   * "refused", "declined").
   */
  private static boolean declinedBeforeOutput(JsonObject iteration, TokenUsage usage) {
    if (usage.outputTokens() > 0) {
      return false;
    }
    JsonObject stopDetails = objectOrEmpty(iteration.get("stop_details"));
    return marksDecline(text(iteration, "type"))
        || marksDecline(text(iteration, "stop_reason"))
        || marksDecline(text(stopDetails, "type"));
  }

  private static boolean marksDecline(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    return lower.contains("refus") || lower.contains("declin");
  }

  private static JsonObject objectOrEmpty(JsonValue value) {
    return value instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
  }

  private static String text(JsonObject object, String field) {
    return object.get(field) instanceof JsonString string ? string.getString() : "";
  }

  private static long count(JsonObject object, String field) {
    JsonValue value = object.get(field);
    long count = 0;
    if (value instanceof JsonNumber number) {
      count = number.isIntegral() ? saturatedLong(number) : 0;
    } else if (value instanceof JsonString string && string.getString().strip().matches("\\d{1,18}")) {
      count = Long.parseLong(string.getString().strip());
    }
    return Math.max(count, 0);
  }

  private static long saturatedLong(JsonNumber number) {
    try {
      return number.longValueExact();
    } catch (ArithmeticException e) {
      return number.bigDecimalValue().signum() > 0 ? Long.MAX_VALUE : 0;
    }
  }
}
