package dev.claudenexus.pricing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One entry of a model price file: which model ids it covers, when its prices are in force, the prices
 * and, when known, the context window.
 *
 * @param model a normalized model id, or an id prefix when {@code prefixMatch} is true
 * @param prefixMatch whether the entry also covers ids that continue {@code model} after a {@code -} or
 *     {@code @}
 * @param validFrom first UTC day the prices apply, or empty for no lower bound
 * @param validUntil last UTC day the prices apply, or empty for no upper bound
 * @param price the prices in USD per million tokens
 * @param contextWindow the context window in tokens, or empty when the file does not give one
 */
record PriceEntry(
    String model,
    boolean prefixMatch,
    Optional<LocalDate> validFrom,
    Optional<LocalDate> validUntil,
    ModelPrice price,
    OptionalLong contextWindow) {

  /** Specificity of an id that this entry does not cover. */
  static final int NO_MATCH = -1;

  /** Added to the specificity of an exact match so that it ranks above every prefix match. */
  private static final int EXACT_MATCH_BONUS = 1_000_000;

  /**
   * Returns how specifically this entry covers a normalized model id: {@link #NO_MATCH} when it does
   * not, otherwise a number that is higher for an exact id match than for any prefix match and, among
   * prefix matches, higher for a longer prefix.
   */
  int specificityFor(String normalizedId) {
    return specificityFor(normalizedId, ModelIds.withoutVersionSuffix(normalizedId));
  }

  /** Returns {@link #specificityFor(String)} with the id's version-free form computed by the caller. */
  int specificityFor(String normalizedId, String unversionedId) {
    if (normalizedId.equals(model) || unversionedId.equals(model)) {
      return EXACT_MATCH_BONUS + model.length();
    }
    return prefixMatch && continuesModel(normalizedId) ? model.length() : NO_MATCH;
  }

  /** Returns whether {@code normalizedId} starts with {@code model} and then a {@code -} or {@code @}. */
  private boolean continuesModel(String normalizedId) {
    if (normalizedId.length() <= model.length() || !normalizedId.startsWith(model)) {
      return false;
    }
    char separator = normalizedId.charAt(model.length());
    return separator == '-' || separator == '@';
  }

  /** Returns whether the prices apply on the UTC day of {@code at}. */
  boolean inForceAt(Instant at) {
    LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
    boolean started = validFrom.map(from -> !day.isBefore(from)).orElse(true);
    boolean ended = validUntil.map(until -> day.isAfter(until)).orElse(false);
    return started && !ended;
  }

  /** Returns whether this entry's validity period shares at least one day with {@code other}'s. */
  boolean overlaps(PriceEntry other) {
    boolean startsAfterOtherEnds =
        validFrom.isPresent()
            && other.validUntil.isPresent()
            && validFrom.get().isAfter(other.validUntil.get());
    boolean endsBeforeOtherStarts =
        validUntil.isPresent()
            && other.validFrom.isPresent()
            && validUntil.get().isBefore(other.validFrom.get());
    return !startsAfterOtherEnds && !endsBeforeOtherStarts;
  }
}
