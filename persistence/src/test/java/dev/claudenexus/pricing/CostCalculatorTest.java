package dev.claudenexus.pricing;

import static dev.claudenexus.json.JsonProviders.JSON;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.claudenexus.usage.TokenUsage;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CostCalculatorTest {

  private static final Instant MID_2026 = Instant.parse("2026-06-15T12:00:00Z");
  private static final String FIXTURE_MODEL = "fixture-model";

  private static PriceTable fixturePrices;

  private final CostCalculator bundled = new CostCalculator(PriceTable.bundled());

  @BeforeAll
  static void loadFixturePrices() throws URISyntaxException, InvalidPriceFileException {
    Path file = Path.of(CostCalculatorTest.class.getResource("/pricing/b19-prices.json").toURI());
    fixturePrices = PriceTable.withOverride(file);
  }

  private static TokenUsage usage(long input, long output, long cacheCreation, long cacheRead) {
    return new TokenUsage(input, output, cacheCreation, cacheRead, 0, 0);
  }

  private static JsonObject json(String text) {
    return JSON.createReader(new StringReader(text.replace('\'', '"'))).readObject();
  }

  private static void assertCost(String expected, Optional<BigDecimal> actual) {
    assertTrue(actual.isPresent(), "cost is missing");
    assertEquals(0, new BigDecimal(expected).compareTo(actual.get()), "cost was " + actual.get());
  }

  @Test
  void cacheReadExampleCostsExactly() {
    CostCalculator calculator = new CostCalculator(fixturePrices);

    Optional<BigDecimal> cost = calculator.costUsd(FIXTURE_MODEL, usage(4, 23, 0, 2455), null, MID_2026);

    assertCost("0.0010935", cost);
  }

  @Test
  void cacheWriteExampleCostsExactly() {
    CostCalculator calculator = new CostCalculator(fixturePrices);

    Optional<BigDecimal> cost = calculator.costUsd(FIXTURE_MODEL, usage(1200, 0, 300, 500), null, MID_2026);

    assertCost("0.004875", cost);
  }

  @Test
  void costHasAtLeastNineDecimals() {
    CostCalculator calculator = new CostCalculator(fixturePrices);

    BigDecimal cost = calculator.costUsd(FIXTURE_MODEL, usage(1_000_000, 0, 0, 0), null, MID_2026).orElseThrow();

    assertEquals(new BigDecimal("3.000000000"), cost);
  }

  @Test
  void zeroUsageCostsZero() {
    assertCost("0", bundled.costUsd("claude-sonnet-4-5", TokenUsage.NONE, null, MID_2026));
  }

  @Test
  void oneHourWritesCostTwiceInput() {
    TokenUsage oneHourWrites = new TokenUsage(0, 0, 1_000_000, 0, 0, 1_000_000);

    assertCost("6", bundled.costUsd("claude-sonnet-4-5", oneHourWrites, null, MID_2026));
  }

  @Test
  void mixedCacheLifetimesPricedSeparately() {
    TokenUsage mixed = new TokenUsage(0, 0, 3_000_000, 0, 1_000_000, 2_000_000);

    // 1M x 3.75 + 2M x 6 on claude-sonnet-4
    assertCost("15.75", bundled.costUsd("claude-sonnet-4", mixed, null, MID_2026));
  }

  @Test
  void creationWithoutBreakdownIsFiveMinute() {
    TokenUsage noBreakdown = new TokenUsage(0, 0, 1_000_000, 0, 0, 0);

    assertCost("3.75", bundled.costUsd("claude-sonnet-4", noBreakdown, null, MID_2026));
  }

  @Test
  void negativeCountsCountAsZero() {
    TokenUsage negative = new TokenUsage(-5, 1_000_000, -1, -1, -1, -1);

    assertCost("15", bundled.costUsd("claude-sonnet-4", negative, null, MID_2026));
  }

  @Test
  void sonnetFiveCostFollowsRequestTime() {
    TokenUsage million = usage(1_000_000, 1_000_000, 0, 0);

    assertCost("12", bundled.costUsd("claude-sonnet-5", million, null, Instant.parse("2026-08-31T12:00:00Z")));
    assertCost("18", bundled.costUsd("claude-sonnet-5", million, null, Instant.parse("2026-09-01T12:00:00Z")));
  }

  @Test
  void unknownModelHasNoCost() {
    assertEquals(Optional.empty(), bundled.costUsd("claude-opus-4-9", usage(1, 1, 0, 0), null, MID_2026));
  }

  @Test
  void unknownModelWarnsOncePerName() {
    CostCalculator calculator = new CostCalculator(PriceTable.bundled());
    try (LogCapture log = LogCapture.of(CostCalculator.class)) {
      calculator.costUsd("claude-unknown-1", usage(1, 1, 0, 0), null, MID_2026);
      calculator.costUsd("claude-unknown-1", usage(2, 2, 0, 0), null, MID_2026);
      calculator.costUsd("claude-unknown-1", usage(3, 3, 0, 0), null, MID_2026);

      assertEquals(1, log.warnings().size());
      assertTrue(log.warnings().get(0).getMessage().contains("\"claude-unknown-1\""));

      calculator.costUsd("claude-unknown-2", usage(1, 1, 0, 0), null, MID_2026);

      assertEquals(2, log.warnings().size());
    }
  }

  @Test
  void knownModelLogsNoWarning() {
    CostCalculator calculator = new CostCalculator(PriceTable.bundled());
    try (LogCapture log = LogCapture.of(CostCalculator.class)) {
      calculator.costUsd("claude-haiku-4-5", usage(1, 1, 0, 0), null, MID_2026);

      assertTrue(log.warnings().isEmpty());
    }
  }

  @Test
  void warnedModelNameHasNoControlCharacters() {
    CostCalculator calculator = new CostCalculator(PriceTable.bundled());
    try (LogCapture log = LogCapture.of(CostCalculator.class)) {
      calculator.costUsd("evil\nWARNING: forged", usage(1, 1, 0, 0), null, MID_2026);

      assertFalse(log.warnings().get(0).getMessage().contains("\n"));
    }
  }

  @Test
  void iterationsPricedAtOwnModel() {
    JsonObject rawUsage = json("""
        {'input_tokens': 2000000, 'output_tokens': 1000000, 'iterations': [
          {'type': 'message', 'model': 'claude-haiku-4-5', 'input_tokens': 1000000, 'output_tokens': 0},
          {'type': 'fallback_message', 'model': 'claude-opus-4-8', 'input_tokens': 1000000,
           'output_tokens': 1000000}
        ]}""");

    // haiku: 1M x 1; opus 4.8: 1M x 5 + 1M x 25
    assertCost("31", bundled.costUsd("claude-haiku-4-5", usage(2_000_000, 1_000_000, 0, 0), rawUsage, MID_2026));
  }

  @Test
  void refusedIterationIsNotBilled() {
    JsonObject rawUsage = json("""
        {'iterations': [
          {'type': 'message', 'model': 'claude-fable-5', 'stop_reason': 'refusal',
           'input_tokens': 5000000, 'cache_read_input_tokens': 1000000, 'output_tokens': 0},
          {'type': 'fallback_message', 'model': 'claude-opus-4-8', 'input_tokens': 1000000, 'output_tokens': 0}
        ]}""");

    assertCost("5", bundled.costUsd("claude-fable-5", TokenUsage.NONE, rawUsage, MID_2026));
  }

  @Test
  void refusalTypeWithoutOutputIsNotBilled() {
    JsonObject rawUsage = json("""
        {'iterations': [
          {'type': 'refused_message', 'model': 'claude-fable-5', 'input_tokens': 1000000},
          {'model': 'claude-haiku-4-5', 'input_tokens': 1000000, 'stop_details': {'type': 'refusal'}},
          {'model': 'claude-haiku-4-5', 'input_tokens': 1000000, 'output_tokens': 0}
        ]}""");

    assertCost("1", bundled.costUsd("claude-fable-5", TokenUsage.NONE, rawUsage, MID_2026));
  }

  @Test
  void refusalWithOutputIsBilled() {
    JsonObject rawUsage = json("""
        {'iterations': [
          {'model': 'claude-fable-5', 'stop_reason': 'refusal', 'input_tokens': 1000000, 'output_tokens': 1}
        ]}""");

    // 1M x 10 + 1 x 50 per million
    assertCost("10.00005", bundled.costUsd("claude-fable-5", TokenUsage.NONE, rawUsage, MID_2026));
  }

  @Test
  void iterationCacheFieldsArePriced() {
    JsonObject rawUsage = json("""
        {'iterations': [
          {'model': 'claude-sonnet-4', 'usage': {'cache_read_input_tokens': '1000000',
           'cache_creation_input_tokens': 2000000,
           'cache_creation': {'ephemeral_5m_input_tokens': 1000000, 'ephemeral_1h_input_tokens': 1000000}}}
        ]}""");

    // 1M x 0.3 + 1M x 3.75 + 1M x 6
    assertCost("10.05", bundled.costUsd("claude-sonnet-4", TokenUsage.NONE, rawUsage, MID_2026));
  }

  @Test
  void iterationWithoutModelUsesRequestModel() {
    JsonObject rawUsage = json("""
        {'iterations': [{'type': 'compaction', 'input_tokens': 1000000, 'output_tokens': 1000000}]}""");

    assertCost("6", bundled.costUsd("claude-haiku-4-5", TokenUsage.NONE, rawUsage, MID_2026));
  }

  @Test
  void unknownIterationModelHasNoCost() {
    JsonObject rawUsage = json("""
        {'iterations': [
          {'model': 'claude-haiku-4-5', 'input_tokens': 10, 'output_tokens': 10},
          {'model': 'claude-mystery-9', 'input_tokens': 10, 'output_tokens': 10}
        ]}""");

    assertEquals(Optional.empty(), bundled.costUsd("claude-haiku-4-5", TokenUsage.NONE, rawUsage, MID_2026));
  }

  @Test
  void malformedIterationsFallBackToUsage() {
    TokenUsage million = usage(1_000_000, 0, 0, 0);

    assertCost("1", bundled.costUsd("claude-haiku-4-5", million, json("{'iterations': []}"), MID_2026));
    assertCost("1", bundled.costUsd("claude-haiku-4-5", million, json("{'iterations': 'x'}"), MID_2026));
    assertCost("1", bundled.costUsd("claude-haiku-4-5", million, json("{'iterations': [1, null]}"), MID_2026));
  }

  @Test
  void oddIterationCountsCountAsZero() {
    JsonObject rawUsage = json("""
        {'iterations': [{'model': 'claude-haiku-4-5', 'input_tokens': -7, 'output_tokens': 1.5,
          'cache_read_input_tokens': 'many', 'cache_creation_input_tokens': true}]}""");

    assertCost("0", bundled.costUsd("claude-haiku-4-5", TokenUsage.NONE, rawUsage, MID_2026));
  }
}
