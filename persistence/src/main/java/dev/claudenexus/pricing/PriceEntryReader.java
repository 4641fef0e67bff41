package dev.claudenexus.pricing;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads and checks the fields of one entry of a model price file. Every error message names the file,
 * the entry number and, once it is known, the entry's model.
 */
final class PriceEntryReader {

  private static final Set<String> ENTRY_FIELDS =
      Set.of("model", "match", "note", "input", "output", "cacheRead", "cacheWrite5m", "cacheWrite1h",
          "contextWindow", "validFrom", "validUntil");

  /** Upper bound for a price in USD per million tokens, to catch a misplaced decimal point. */
  private static final BigDecimal MAX_PRICE = BigDecimal.valueOf(1_000_000);

  /** Maximum decimal places of a price, because a price finer than $0.000001 per million tokens is a typo. */
  private static final int MAX_PRICE_DECIMALS = 6;

  private static final long MAX_CONTEXT_WINDOW = 100_000_000L;
  private static final int MAX_MODEL_LENGTH = 200;
  private static final int MAX_SHOWN_VALUE_LENGTH = 60;

  private final JsonObject entry;
  private final String source;
  private String label;

  private PriceEntryReader(JsonObject entry, int number, String source) {
    this.entry = entry;
    this.source = source;
    this.label = "entry " + number;
  }

  static PriceEntry read(JsonValue value, int number, String source) throws InvalidPriceFileException {
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new InvalidPriceFileException(
          source, "entry " + number + " must be a JSON object, got " + describe(value));
    }
    return new PriceEntryReader(value.asJsonObject(), number, source).read();
  }

  private PriceEntry read() throws InvalidPriceFileException {
    String model = model();
    label = label + " (model \"" + model + "\")";
    rejectUnknownFields(entry, ENTRY_FIELDS, source, label);
    optionalString("note");

    ModelPrice price =
        new ModelPrice(price("input"), price("output"), price("cacheRead"), price("cacheWrite5m"),
            price("cacheWrite1h"));
    Optional<LocalDate> validFrom = date("validFrom");
    Optional<LocalDate> validUntil = date("validUntil");
    if (validFrom.isPresent() && validUntil.isPresent() && validUntil.get().isBefore(validFrom.get())) {
      throw invalid("validUntil " + validUntil.get() + " is before validFrom " + validFrom.get());
    }
    return new PriceEntry(model, prefixMatch(), validFrom, validUntil, price, contextWindow());
  }

  private String model() throws InvalidPriceFileException {
    String model = optionalString("model").orElseThrow(() -> invalid("field \"model\" is missing"));
    String normalized = ModelIds.normalize(model);
    if (normalized.isEmpty() || normalized.length() > MAX_MODEL_LENGTH || normalized.matches(".*\\s.*")) {
      throw invalid("field \"model\" must be a model id of 1 to " + MAX_MODEL_LENGTH
          + " characters without spaces, got " + describe(entry.get("model")));
    }
    return normalized;
  }

  private boolean prefixMatch() throws InvalidPriceFileException {
    String match = optionalString("match").orElse("prefix");
    if (!match.equals("prefix") && !match.equals("exact")) {
      throw invalid("field \"match\" must be \"prefix\" or \"exact\", got " + describe(entry.get("match")));
    }
    return match.equals("prefix");
  }

  private BigDecimal price(String field) throws InvalidPriceFileException {
    JsonValue value = entry.get(field);
    if (value == null) {
      throw invalid("field \"" + field + "\" is missing; give it in USD per million tokens");
    }
    if (value.getValueType() != JsonValue.ValueType.NUMBER) {
      throw invalid("field \"" + field + "\" must be a number of USD per million tokens, got "
          + describe(value));
    }
    BigDecimal price = ((JsonNumber) value).bigDecimalValue();
    if (price.signum() < 0) {
      throw invalid("field \"" + field + "\" must not be negative, got " + value);
    }
    if (price.compareTo(MAX_PRICE) > 0) {
      throw invalid("field \"" + field + "\" must be at most " + MAX_PRICE
          + " USD per million tokens, got " + value);
    }
    if (price.stripTrailingZeros().scale() > MAX_PRICE_DECIMALS) {
      throw invalid("field \"" + field + "\" must have at most " + MAX_PRICE_DECIMALS
          + " decimal places, got " + value);
    }
    return price;
  }

  private Optional<LocalDate> date(String field) throws InvalidPriceFileException {
    Optional<String> text = optionalString(field);
    try {
      return text.map(LocalDate::parse);
    } catch (DateTimeParseException e) {
      throw invalid("field \"" + field + "\" must be a date like 2026-09-01, got "
          + describe(entry.get(field)));
    }
  }

  private OptionalLong contextWindow() throws InvalidPriceFileException {
    JsonValue value = entry.get("contextWindow");
    if (value == null) {
      return OptionalLong.empty();
    }
    boolean integral = value instanceof JsonNumber number && number.isIntegral();
    BigDecimal tokens = integral ? ((JsonNumber) value).bigDecimalValue() : BigDecimal.ZERO;
    if (tokens.signum() <= 0 || tokens.compareTo(BigDecimal.valueOf(MAX_CONTEXT_WINDOW)) > 0) {
      throw invalid("field \"contextWindow\" must be a whole number of tokens from 1 to " + MAX_CONTEXT_WINDOW
          + ", got " + describe(value));
    }
    return OptionalLong.of(tokens.longValueExact());
  }

  private Optional<String> optionalString(String field) throws InvalidPriceFileException {
    JsonValue value = entry.get(field);
    if (value == null) {
      return Optional.empty();
    }
    if (value.getValueType() != JsonValue.ValueType.STRING) {
      throw invalid("field \"" + field + "\" must be a string, got " + describe(value));
    }
    return Optional.of(((JsonString) value).getString());
  }

  private InvalidPriceFileException invalid(String problem) {
    return new InvalidPriceFileException(source, label + ": " + problem);
  }

  /** Rejects fields outside {@code known}, so that a misspelt optional field is not silently ignored. */
  static void rejectUnknownFields(JsonObject object, Set<String> known, String source, String where)
      throws InvalidPriceFileException {
    for (String field : object.keySet()) {
      if (!known.contains(field)) {
        throw new InvalidPriceFileException(
            source, where + ": field \"" + field + "\" is unknown; known fields are " + new TreeSet<>(known));
      }
    }
  }

  /** Returns the JSON type and a shortened copy of a value, for error messages. */
  static String describe(JsonValue value) {
    String text = value.toString();
    if (text.length() > MAX_SHOWN_VALUE_LENGTH) {
      text = text.substring(0, MAX_SHOWN_VALUE_LENGTH) + "...";
    }
    return switch (value.getValueType()) {
      case STRING -> "string " + text;
      case NUMBER -> "number " + text;
      case OBJECT -> "object " + text;
      case ARRAY -> "array " + text;
      case TRUE, FALSE -> "boolean " + text;
      case NULL -> "null";
    };
  }
}
