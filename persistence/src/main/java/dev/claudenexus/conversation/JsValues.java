package dev.claudenexus.conversation;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.StringJoiner;

/** JavaScript's view of parsed JSON values: truthiness and string conversion. */
final class JsValues {

  /** Maximum nesting depth of an array converted to a string. Real requests use ids without arrays. */
  private static final int MAX_ARRAY_DEPTH = 100;

  private JsValues() {
  }

  /** Returns whether JavaScript treats the value as true. A null argument is a missing property. */
  static boolean isTruthy(JsonValue value) {
    if (value == null) {
      return false;
    }
    return switch (value.getValueType()) {
      case NULL, FALSE -> false;
      case STRING -> !((JsonString) value).getString().isEmpty();
      case NUMBER -> ((JsonNumber) value).doubleValue() != 0;
      default -> true;
    };
  }

  /**
   * Converts a value the way a JavaScript template literal does: a missing property (null) becomes
   * {@code undefined}, an object {@code [object Object]}, and an array its elements joined with commas.
   *
   * @throws UnhashableBodyException for arrays nested deeper than 100 levels
   */
  static String toJsString(JsonValue value) {
    return value == null ? "undefined" : toJsString(value, 0);
  }

  private static String toJsString(JsonValue value, int depth) {
    return switch (value.getValueType()) {
      case NULL -> "null";
      case TRUE -> "true";
      case FALSE -> "false";
      case STRING -> ((JsonString) value).getString();
      case NUMBER -> JsNumbers.toString(((JsonNumber) value).doubleValue());
      case OBJECT -> "[object Object]";
      case ARRAY -> joinArray((JsonArray) value, depth);
    };
  }

  // Array.prototype.toString: null elements become empty strings.
  private static String joinArray(JsonArray array, int depth) {
    if (depth >= MAX_ARRAY_DEPTH) {
      throw new UnhashableBodyException("invalid id: array nested deeper than " + MAX_ARRAY_DEPTH + " levels");
    }
    StringJoiner joined = new StringJoiner(",");
    for (JsonValue element : array) {
      joined.add(element.getValueType() == JsonValue.ValueType.NULL ? "" : toJsString(element, depth + 1));
    }
    return joined.toString();
  }
}
