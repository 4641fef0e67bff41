package dev.claudenexus.proxy.recording;

import static dev.claudenexus.json.JsonProviders.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.Map;

/** Null-safe JSON reading and compact writing on one cached JSON-P provider. */
final class JsonSupport {


  private static final JsonReaderFactory READERS = JSON.createReaderFactory(Map.of());
  private static final JsonWriterFactory WRITERS = JSON.createWriterFactory(Map.of());
  private static final BigDecimal MAX_LONG = BigDecimal.valueOf(Long.MAX_VALUE);

  private JsonSupport() {}

  /** Parses one JSON value, or returns null when the text is not valid JSON. */
  static JsonValue parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try (JsonReader reader = READERS.createReader(new StringReader(text))) {
      return reader.readValue();
    } catch (RuntimeException e) {
      // Besides JsonException for invalid JSON, Parsson 1.1.9 throws a plain RuntimeException
      // for input nested deeper than 1000 levels.
      return null;
    }
  }

  /** Parses a JSON object, or returns null when the text is not a valid JSON object. */
  static JsonObject parseObject(String text) {
    JsonValue value = parse(text);
    return value instanceof JsonObject object ? object : null;
  }

  /** Serialises a value as compact JSON. */
  static String write(JsonValue value) {
    StringWriter out = new StringWriter();
    try (JsonWriter writer = WRITERS.createWriter(out)) {
      writer.write(value);
    }
    return out.toString();
  }

  /** Returns the string member {@code key}, or null when it is missing or not a string. */
  static String string(JsonObject object, String key) {
    JsonValue value = object == null ? null : object.get(key);
    return value instanceof JsonString text ? text.getString() : null;
  }

  /** Returns the object member {@code key}, or null when it is missing or not an object. */
  static JsonObject object(JsonObject object, String key) {
    JsonValue value = object == null ? null : object.get(key);
    return value instanceof JsonObject member ? member : null;
  }

  /** Returns the array member {@code key}, or null when it is missing or not an array. */
  static JsonArray array(JsonObject object, String key) {
    JsonValue value = object == null ? null : object.get(key);
    return value instanceof JsonArray member ? member : null;
  }

  /**
   * Returns the content block index member {@code key}, or -1 when it is missing, negative,
   * fractional or larger than an int.
   */
  static int index(JsonObject object, String key) {
    JsonValue value = object == null ? null : object.get(key);
    if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
      return -1;
    }
    BigDecimal decimal = number.bigDecimalValue();
    if (decimal.signum() < 0 || decimal.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
      return -1;
    }
    return decimal.intValue();
  }

  /**
   * Returns the token count member {@code key}, or 0 when it is missing or not a number.
   * Negative counts become 0, fractions are truncated, and counts above {@code Long.MAX_VALUE}
   * become {@code Long.MAX_VALUE}.
   */
  static long count(JsonObject object, String key) {
    JsonValue value = object == null ? null : object.get(key);
    if (!(value instanceof JsonNumber number)) {
      return 0;
    }
    // Compares before converting, because converting a number such as 1e999999999 to a
    // long would expand it digit by digit.
    BigDecimal decimal = number.bigDecimalValue();
    if (decimal.compareTo(BigDecimal.ONE) < 0) {
      return 0;
    }
    if (decimal.compareTo(MAX_LONG) >= 0) {
      return Long.MAX_VALUE;
    }
    return decimal.longValue();
  }
}
