package dev.claudenexus.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PriceTableTest {

  private static final Instant MID_2026 = Instant.parse("2026-06-15T12:00:00Z");

  private final PriceTable table = PriceTable.bundled();

  private BigDecimal inputPrice(String model, Instant at) {
    return table.priceFor(model, at).orElseThrow(() -> new AssertionError("no price for " + model)).input();
  }

  @ParameterizedTest(name = "{0} costs {1} per million input tokens")
  @CsvSource({
    "claude-fable-5, 10",
    "claude-mythos-5, 10",
    "claude-mythos-preview, 10",
    "claude-opus-5, 5",
    "claude-opus-5-5, 5",
    "claude-opus-4-5, 5",
    "claude-opus-4-5-20251101, 5",
    "claude-opus-4-6, 5",
    "claude-opus-4-7, 5",
    "claude-opus-4-8, 5",
    "claude-opus-4, 15",
    "claude-opus-4-0, 15",
    "claude-opus-4-20250514, 15",
    "claude-opus-4-1, 15",
    "claude-opus-4-1-20250805, 15",
    "claude-3-opus-20240229, 15",
    "claude-sonnet-4, 3",
    "claude-sonnet-4-20250514, 3",
    "claude-sonnet-4-5-20250929, 3",
    "claude-sonnet-4-6, 3",
    "claude-3-5-sonnet-20241022, 3",
    "claude-3-7-sonnet-20250219, 3",
    "claude-haiku-4-5-20251001, 1",
    "claude-3-5-haiku-20241022, 0.8",
    "claude-3-haiku-20240307, 0.25"
  })
  void bundledInputPricePerModel(String model, BigDecimal expected) {
    assertEquals(0, expected.compareTo(inputPrice(model, MID_2026)), model);
  }

  @Test
  void opusFourOneFullPrices() {
    ModelPrice price = table.priceFor("claude-opus-4-1-20250805", MID_2026).orElseThrow();

    assertEquals(0, new BigDecimal("15").compareTo(price.input()));
    assertEquals(0, new BigDecimal("75").compareTo(price.output()));
    assertEquals(0, new BigDecimal("1.5").compareTo(price.cacheRead()));
    assertEquals(0, new BigDecimal("18.75").compareTo(price.cacheWrite5m()));
    assertEquals(0, new BigDecimal("30").compareTo(price.cacheWrite1h()));
  }

  @Test
  void claudeThreeHaikuUsesPublishedRounding() {
    ModelPrice price = table.priceFor("claude-3-haiku-20240307", MID_2026).orElseThrow();

    assertEquals(0, new BigDecimal("0.03").compareTo(price.cacheRead()));
    assertEquals(0, new BigDecimal("0.3").compareTo(price.cacheWrite5m()));
    assertEquals(0, new BigDecimal("0.5").compareTo(price.cacheWrite1h()));
  }

  @Test
  void oneHourWriteIsTwiceInput() {
    for (PriceEntry entry : table.entries()) {
      BigDecimal twiceInput = entry.price().input().multiply(BigDecimal.valueOf(2));
      assertEquals(0, twiceInput.compareTo(entry.price().cacheWrite1h()), entry.model());
    }
  }

  @Test
  void sonnetFiveIntroductoryRateUntilAugust() {
    Instant lastIntroductoryMoment = Instant.parse("2026-08-31T23:59:59.999Z");
    ModelPrice price = table.priceFor("claude-sonnet-5", lastIntroductoryMoment).orElseThrow();

    assertEquals(0, new BigDecimal("2").compareTo(price.input()));
    assertEquals(0, new BigDecimal("10").compareTo(price.output()));
    assertEquals(0, new BigDecimal("0.2").compareTo(price.cacheRead()));
    assertEquals(0, new BigDecimal("2.5").compareTo(price.cacheWrite5m()));
    assertEquals(0, new BigDecimal("4").compareTo(price.cacheWrite1h()));
  }

  @Test
  void sonnetFiveFullRateFromSeptember() {
    ModelPrice price = table.priceFor("claude-sonnet-5", Instant.parse("2026-09-01T00:00:00Z")).orElseThrow();

    assertEquals(0, new BigDecimal("3").compareTo(price.input()));
    assertEquals(0, new BigDecimal("15").compareTo(price.output()));
    assertEquals(0, new BigDecimal("0.3").compareTo(price.cacheRead()));
    assertEquals(0, new BigDecimal("3.75").compareTo(price.cacheWrite5m()));
    assertEquals(0, new BigDecimal("6").compareTo(price.cacheWrite1h()));
  }

  @Test
  void sonnetFiveWithDateSuffixMatches() {
    assertEquals(0, new BigDecimal("2").compareTo(inputPrice("claude-sonnet-5-20260301", MID_2026)));
  }

  @Test
  void bedrockAndVertexIdsMatch() {
    assertEquals(0, new BigDecimal("3").compareTo(
        inputPrice("us.anthropic.claude-sonnet-4-5-20250929-v1:0", MID_2026)));
    assertEquals(0, new BigDecimal("15").compareTo(
        inputPrice("anthropic.claude-opus-4-20250514-v1:0", MID_2026)));
    assertEquals(0, new BigDecimal("15").compareTo(inputPrice("claude-opus-4@20250514", MID_2026)));
  }

  @Test
  void modelIdCaseAndBlanksIgnored() {
    assertEquals(0, new BigDecimal("1").compareTo(inputPrice("  Claude-Haiku-4-5 ", MID_2026)));
  }

  @ParameterizedTest(name = "{0} has no price")
  @ValueSource(strings = {
    "claude-opus-4-9",
    "claude-opus-6",
    "claude-opus-40",
    "claude-sonnet",
    "gpt-4o",
    "claude-opus-4-10",
    "",
    "   "
  })
  void unlistedModelHasNoPrice(String model) {
    assertEquals(Optional.empty(), table.priceFor(model, MID_2026));
  }

  @Test
  void nullModelHasNoPrice() {
    assertFalse(table.priceFor(null, MID_2026).isPresent());
  }

  @Test
  void exactMatchBeatsPrefixMatch() {
    PriceEntry opusFourOne = table.entries().stream()
        .filter(entry -> entry.model().equals("claude-opus-4-1")).findFirst().orElseThrow();
    PriceEntry opusFour = table.entries().stream()
        .filter(entry -> entry.model().equals("claude-opus-4")).findFirst().orElseThrow();

    assertTrue(opusFourOne.specificityFor("claude-opus-4-1-20250805")
        > opusFour.specificityFor("claude-opus-4-1-20250805"));
    assertEquals(PriceEntry.NO_MATCH, opusFour.specificityFor("claude-opus-4-1-20250805"));
  }

  @ParameterizedTest(name = "{0} continues the prefix entry: {1}")
  @CsvSource({
    "claude-sonnet-4-made-up, true",
    "claude-sonnet-4@20250514, true",
    "claude-sonnet-4-, true",
    "claude-sonnet-4x, false",
    "claude-sonnet-45, false",
    "claude-sonnet, false",
    "other-claude-sonnet-4-1, false"
  })
  void prefixEntryCoversOnlyContinuations(String id, boolean covered) {
    PriceEntry sonnetFour = table.entries().stream()
        .filter(entry -> entry.model().equals("claude-sonnet-4")).findFirst().orElseThrow();
    assertTrue(sonnetFour.prefixMatch());

    int specificity = sonnetFour.specificityFor(id, id + "#");

    assertEquals(covered ? "claude-sonnet-4".length() : PriceEntry.NO_MATCH, specificity);
  }

  @ParameterizedTest(name = "{0} is known as {1}")
  @CsvSource({
    "claude-opus-4-1-20250805, claude-opus-4-1",
    "claude-sonnet-4-5-20250929, claude-sonnet-4",
    "us.anthropic.claude-3-5-haiku-20241022-v1:0, claude-3-5-haiku",
    "CLAUDE-OPUS-4-5, claude-opus-4-5"
  })
  void knownModelNamesTheEntry(String model, String expected) {
    assertEquals(Optional.of(expected), table.knownModel(model));
  }

  @Test
  void knownModelLabelsStayBounded() {
    // Ids that only continue a prefix entry map onto that entry, so made-up suffixes add no label.
    assertEquals(Optional.of("claude-sonnet-4"), table.knownModel("claude-sonnet-4-made-up-1"));
    assertEquals(Optional.of("claude-sonnet-4"), table.knownModel("claude-sonnet-4-made-up-2"));
  }

  @ParameterizedTest(name = "\"{0}\" is unknown")
  @ValueSource(strings = {"gpt-4o", "claude", "claude-sonnet", " ", "x-claude-opus-4"})
  void knownModelRejectsOtherIds(String model) {
    assertEquals(Optional.empty(), table.knownModel(model));
  }
}
