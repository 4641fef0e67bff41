package dev.claudenexus.pricing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Model prices in USD per million tokens, from the bundled {@code model-prices.json} and optionally a
 * user's override file in the same format.
 *
 * <p>An entry covers a model id when the id equals the entry's {@code model} (ignoring a release date
 * suffix such as {@code -20250805}) or, for prefix entries, continues it after a {@code -}. When
 * several entries cover an id, the most specific one in force at the request time wins: an exact match
 * beats a prefix match, and a longer prefix beats a shorter one. Instances are immutable and thread-safe.
 */
public final class PriceTable {

  /** Configuration key naming the override file. */
  public static final String OVERRIDE_FILE_KEY = "MODEL_PRICES_FILE";

  static final String BUNDLED_RESOURCE = "model-prices.json";

  private static final Logger LOG = Logger.getLogger(PriceTable.class.getName());

  private final List<PriceEntry> entries;

  private PriceTable(List<PriceEntry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** Returns the bundled price table. */
  public static PriceTable bundled() {
    return Bundled.TABLE;
  }

  /**
   * Loads the bundled table with the entries of {@code overrideFile} applied: the override's entries
   * for a model replace all bundled entries for that model, and entries for other models are added.
   *
   * @throws InvalidPriceFileException when the file is missing, larger than 1 MiB, or not in the price
   *     file format. The message names the file, the entry and what is wrong.
   */
  public static PriceTable withOverride(Path overrideFile) throws InvalidPriceFileException {
    Objects.requireNonNull(overrideFile, "overrideFile");
    String source = overrideFile.toString();
    List<PriceEntry> overrides = PriceFileParser.parse(PriceFileReader.read(overrideFile), source);
    Set<String> overridden = overrides.stream().map(PriceEntry::model).collect(Collectors.toSet());

    List<PriceEntry> merged = new ArrayList<>(overrides);
    for (PriceEntry entry : bundled().entries) {
      if (!overridden.contains(entry.model())) {
        merged.add(entry);
      }
    }
    return new PriceTable(merged);
  }

  /**
   * Returns the table for the value of the {@link #OVERRIDE_FILE_KEY} setting: the bundled table when
   * the value is null or blank, else the bundled table with the override applied. An invalid override
   * file is logged and the bundled table is returned, so a typo in the file never stops the proxy.
   */
  public static PriceTable configured(String overrideFileSetting) {
    if (overrideFileSetting == null || overrideFileSetting.isBlank()) {
      return bundled();
    }
    try {
      PriceTable table = withOverride(Path.of(overrideFileSetting.strip()));
      LOG.info(() -> "Loaded model prices from " + overrideFileSetting.strip() + " over the bundled table");
      return table;
    } catch (InvalidPriceFileException | InvalidPathException e) {
      LOG.log(Level.WARNING, e, () -> "Using the bundled model prices because " + OVERRIDE_FILE_KEY
          + " names an unusable file. " + e.getMessage());
      return bundled();
    }
  }

  /**
   * Returns the prices in force at {@code at} for a model id, or empty when no entry covers the id at
   * that time. Ids from Bedrock ({@code us.anthropic.claude-...-v1:0}) and Vertex AI ({@code @date}) are
   * accepted as well.
   */
  public Optional<ModelPrice> priceFor(String model, Instant at) {
    Objects.requireNonNull(at, "at");
    if (model == null || model.isBlank()) {
      return Optional.empty();
    }
    String id = ModelIds.normalize(model);
    String unversioned = ModelIds.withoutVersionSuffix(id);
    PriceEntry best = null;
    int bestSpecificity = PriceEntry.NO_MATCH;
    for (PriceEntry entry : entries) {
      if (!entry.inForceAt(at)) {
        continue;
      }
      int specificity = entry.specificityFor(id, unversioned);
      if (specificity > bestSpecificity) {
        best = entry;
        bestSpecificity = specificity;
      }
    }
    return Optional.ofNullable(best).map(PriceEntry::price);
  }

  /**
   * Returns the model name of the most specific entry that covers the id, whatever its validity
   * period, or empty when no entry does. The result is one of the table's own model names, so a
   * caller can use it as a metric label: the set of values is bounded by the table, however many
   * distinct ids clients send.
   */
  public Optional<String> knownModel(String model) {
    if (model == null || model.isBlank()) {
      return Optional.empty();
    }
    String id = ModelIds.normalize(model);
    String unversioned = ModelIds.withoutVersionSuffix(id);
    return entries.stream()
        .filter(entry -> entry.specificityFor(id, unversioned) != PriceEntry.NO_MATCH)
        .max(Comparator.comparingInt(entry -> entry.specificityFor(id, unversioned)))
        .map(PriceEntry::model);
  }

  /**
   * Returns the context window of the most specific entry that covers the id and gives one, whatever
   * its validity period, or empty when there is none.
   */
  OptionalLong contextWindowFor(String model) {
    String id = ModelIds.normalize(model);
    return entries.stream()
        .filter(entry -> entry.contextWindow().isPresent())
        .filter(entry -> entry.specificityFor(id) != PriceEntry.NO_MATCH)
        .max(Comparator.comparingInt(entry -> entry.specificityFor(id)))
        .map(PriceEntry::contextWindow)
        .orElse(OptionalLong.empty());
  }

  List<PriceEntry> entries() {
    return entries;
  }

  /** Holder of the bundled table, loaded on first use. */
  private static final class Bundled {
    static final PriceTable TABLE = load();

    private static PriceTable load() {
      String source = "bundled resource " + BUNDLED_RESOURCE;
      try (InputStream in = PriceTable.class.getResourceAsStream(BUNDLED_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("The " + source + " is missing from the class path");
        }
        return new PriceTable(PriceFileParser.parse(PriceFileReader.read(in, source), source));
      } catch (IOException e) {
        throw new UncheckedIOException("Could not read the " + source, e);
      } catch (InvalidPriceFileException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    }
  }
}
