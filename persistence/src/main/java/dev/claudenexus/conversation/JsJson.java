package dev.claudenexus.conversation;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Compact JSON text of a parsed value, byte for byte as JavaScript's {@code JSON.stringify} writes it:
 * no spaces, numbers as {@link JsNumbers} prints them (non-finite ones as {@code null}), only quote,
 * backslash, control characters and lone surrogates escaped, and everything else literal.
 * It walks the value with an explicit stack, so deeply nested input cannot overflow the call stack.
 */
final class JsJson {

  private JsJson() {
  }

  static String stringify(JsonValue value, KeyOrder order) {
    StringBuilder out = new StringBuilder();
    Deque<Container> open = new ArrayDeque<>();
    write(value, order, out, open);
    while (!open.isEmpty()) {
      Container container = open.peek();
      if (container.next >= container.size()) {
        out.append(container.closer());
        open.pop();
        continue;
      }
      if (container.next > 0) {
        out.append(',');
      }
      JsonValue member = container.member(container.next++, out);
      write(member, order, out, open);
    }
    return out.toString();
  }

  private static void write(JsonValue value, KeyOrder order, StringBuilder out, Deque<Container> open) {
    switch (value.getValueType()) {
      case OBJECT -> {
        JsonObject object = (JsonObject) value;
        out.append('{');
        open.push(new Container(object, null, order.apply(object.keySet())));
      }
      case ARRAY -> {
        out.append('[');
        open.push(new Container(null, (JsonArray) value, List.of()));
      }
      case STRING -> quote(((JsonString) value).getString(), out);
      case NUMBER -> {
        double number = ((JsonNumber) value).doubleValue();
        out.append(Double.isFinite(number) ? JsNumbers.toString(number) : "null");
      }
      case TRUE -> out.append("true");
      case FALSE -> out.append("false");
      case NULL -> out.append("null");
    }
  }

  /** Appends a JSON string literal with the escapes of the well-formed {@code JSON.stringify}. */
  static void quote(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || isLoneSurrogate(s, i)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  static boolean isLoneSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
    }
    return false;
  }

  /** An object or array being written, and the index of its next member. */
  private static final class Container {
    private final JsonObject object;
    private final JsonArray array;
    private final List<String> keys;
    private int next;

    Container(JsonObject object, JsonArray array, List<String> keys) {
      this.object = object;
      this.array = array;
      this.keys = keys;
    }

    int size() {
      return object != null ? keys.size() : array.size();
    }

    char closer() {
      return object != null ? '}' : ']';
    }

    /** Returns member {@code index}. For an object it first appends the member's key and a colon. */
    JsonValue member(int index, StringBuilder out) {
      if (array != null) {
        return array.get(index);
      }
      String key = keys.get(index);
      quote(key, out);
      out.append(':');
      return object.get(key);
    }
  }
}
