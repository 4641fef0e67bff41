package dev.claudenexus.pricing;

import static dev.claudenexus.json.JsonProviders.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonConfig;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses the text of a model price file into entries.
 *
 * <p>The file is a JSON object with an optional {@code note} string and a {@code models} array of
 * entries, each read by {@link PriceEntryReader}. Duplicate keys and two entries for the same model
 * whose validity periods overlap are rejected, because either would make a price ambiguous.
 */
final class PriceFileParser {

  private static final Set<String> FILE_FIELDS = Set.of("note", "models");

  /** Rejects duplicate keys, which would otherwise silently replace an earlier price. */
  private static final JsonReaderFactory READERS =
      JSON.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));

  private PriceFileParser() {}

  /** Parses {@code text}. The {@code source} names the file in error messages. */
  static List<PriceEntry> parse(String text, String source) throws InvalidPriceFileException {
    JsonObject root = parseObject(text, source);
    PriceEntryReader.rejectUnknownFields(root, FILE_FIELDS, source, "the top-level object");

    JsonValue models = root.get("models");
    if (models == null) {
      throw new InvalidPriceFileException(source, "field \"models\" is missing");
    }
    if (models.getValueType() != JsonValue.ValueType.ARRAY) {
      throw new InvalidPriceFileException(
          source, "field \"models\" must be an array of entries, got " + PriceEntryReader.describe(models));
    }

    List<PriceEntry> entries = parseEntries(models.asJsonArray(), source);
    rejectOverlaps(entries, source);
    return entries;
  }

  private static JsonObject parseObject(String text, String source) throws InvalidPriceFileException {
    JsonValue root;
    try (JsonReader reader = READERS.createReader(new StringReader(text))) {
      rejectTextAfterValue(text, source);
      root = reader.readValue();
    } catch (RuntimeException e) {
      // Providers throw JsonException for a syntax error, but Parsson 1.1 throws a plain
      // RuntimeException for nesting deeper than 1,000 levels.
      throw new InvalidPriceFileException(source, "file is not valid JSON: " + e.getMessage(), e);
    }
    if (root.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new InvalidPriceFileException(source,
          "file must contain a JSON object with a \"models\" array, got " + PriceEntryReader.describe(root));
    }
    return root.asJsonObject();
  }

  /**
   * Streams through the whole text, because {@link JsonReader#readValue()} stops after the first value
   * and would accept a file with text after it.
   */
  private static void rejectTextAfterValue(String text, String source) throws InvalidPriceFileException {
    try (JsonParser parser = JSON.createParser(new StringReader(text))) {
      parser.next();
      parser.skipObject();
      parser.skipArray();
      if (parser.hasNext()) {
        throw new InvalidPriceFileException(
            source, "file is not valid JSON: text follows the top-level value");
      }
    }
  }

  private static List<PriceEntry> parseEntries(JsonArray models, String source)
      throws InvalidPriceFileException {
    List<PriceEntry> entries = new ArrayList<>(models.size());
    for (int i = 0; i < models.size(); i++) {
      entries.add(PriceEntryReader.read(models.get(i), entryNumber(i), source));
    }
    return entries;
  }

  /** Entries are numbered from 1 in messages, as a person counts them in the file. */
  private static int entryNumber(int index) {
    return index + 1;
  }

  private static void rejectOverlaps(List<PriceEntry> entries, String source)
      throws InvalidPriceFileException {
    for (int i = 0; i < entries.size(); i++) {
      for (int j = i + 1; j < entries.size(); j++) {
        PriceEntry first = entries.get(i);
        PriceEntry second = entries.get(j);
        if (first.model().equals(second.model()) && first.overlaps(second)) {
          throw new InvalidPriceFileException(
              source,
              "entries " + entryNumber(i) + " and " + entryNumber(j) + " (model \"" + first.model()
                  + "\") have overlapping validity periods; set validUntil on the older entry to the day"
                  + " before validFrom of the newer one");
        }
      }
    }
  }
}
