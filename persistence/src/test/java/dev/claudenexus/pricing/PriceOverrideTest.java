package dev.claudenexus.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceOverrideTest {

  private static final Instant MID_2026 = Instant.parse("2026-06-15T12:00:00Z");
  private static final String PRICES = "\"input\": 20, \"output\": 100, \"cacheRead\": 2, \"cacheWrite5m\": 25, "
      + "\"cacheWrite1h\": 40";

  @TempDir Path directory;

  private Path file(String content) throws IOException {
    Path file = directory.resolve("prices.json");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  private Path fileWithEntries(String... entries) throws IOException {
    return file("{\"models\": [" + String.join(", ", entries) + "]}");
  }

  private String rejectionMessage(Path file) {
    return assertThrows(InvalidPriceFileException.class, () -> PriceTable.withOverride(file)).getMessage();
  }

  private static void assertMentions(String message, String... parts) {
    for (String part : parts) {
      assertTrue(message.contains(part), "message lacks \"" + part + "\": " + message);
    }
  }

  @Test
  void overrideReplacesBundledPrice() throws Exception {
    PriceTable table = PriceTable.withOverride(fileWithEntries("{\"model\": \"claude-opus-4-1\", " + PRICES + "}"));

    ModelPrice price = table.priceFor("claude-opus-4-1-20250805", MID_2026).orElseThrow();

    assertEquals(0, new BigDecimal("20").compareTo(price.input()));
    assertEquals(0, new BigDecimal("40").compareTo(price.cacheWrite1h()));
  }

  @Test
  void overrideKeepsOtherBundledPrices() throws Exception {
    PriceTable table = PriceTable.withOverride(fileWithEntries("{\"model\": \"claude-opus-4-1\", " + PRICES + "}"));

    BigDecimal haikuInput = table.priceFor("claude-haiku-4-5", MID_2026).orElseThrow().input();

    assertEquals(0, BigDecimal.ONE.compareTo(haikuInput));
  }

  @Test
  void overrideAddsNewModel() throws Exception {
    PriceTable table = PriceTable.withOverride(fileWithEntries("{\"model\": \"claude-opus-6\", " + PRICES + "}"));

    assertTrue(table.priceFor("claude-opus-6-20270101", MID_2026).isPresent());
  }

  @Test
  void overrideReplacesAllDatedEntries() throws Exception {
    PriceTable table = PriceTable.withOverride(fileWithEntries("{\"model\": \"claude-sonnet-5\", " + PRICES + "}"));

    BigDecimal before = table.priceFor("claude-sonnet-5", Instant.parse("2026-08-01T00:00:00Z")).orElseThrow().input();
    BigDecimal after = table.priceFor("claude-sonnet-5", Instant.parse("2026-10-01T00:00:00Z")).orElseThrow().input();

    assertEquals(0, new BigDecimal("20").compareTo(before));
    assertEquals(0, new BigDecimal("20").compareTo(after));
  }

  @Test
  void overrideCanSetFutureDatedPrice() throws Exception {
    PriceTable table = PriceTable.withOverride(fileWithEntries(
        "{\"model\": \"claude-haiku-4-5\", \"validFrom\": \"2027-01-01\", " + PRICES + "}"));

    BigDecimal before = table.priceFor("claude-haiku-4-5", MID_2026).orElseThrow().input();
    BigDecimal after = table.priceFor("claude-haiku-4-5", Instant.parse("2027-01-01T00:00:00Z")).orElseThrow().input();

    assertEquals(0, BigDecimal.ONE.compareTo(before));
    assertEquals(0, new BigDecimal("20").compareTo(after));
  }

  @Test
  void overrideContextWindowIsUsed() throws Exception {
    PriceTable table = PriceTable.withOverride(fileWithEntries(
        "{\"model\": \"claude-sonnet-5\", \"contextWindow\": 500000, " + PRICES + "}"));

    assertEquals(new ContextLimit(500_000, false), new ContextWindow(table).limitFor("claude-sonnet-5"));
  }

  @Test
  void notJsonRejected() throws Exception {
    Path file = file("model = claude, price = 3");

    assertMentions(rejectionMessage(file), file.toString(), "not valid JSON");
  }

  @Test
  void textAfterObjectRejected() throws Exception {
    Path file = file("{\"models\": []} {\"models\": []}");

    assertMentions(rejectionMessage(file), file.toString(), "not valid JSON");
  }

  @Test
  void deepNestingRejected() throws Exception {
    int depth = 100_000;
    Path file = file("{\"models\": " + "[".repeat(depth) + "]".repeat(depth) + "}");

    assertMentions(rejectionMessage(file), file.toString(), "not valid JSON");
  }

  @Test
  void topLevelArrayRejected() throws Exception {
    Path file = file("[]");

    assertMentions(rejectionMessage(file), file.toString(), "must contain a JSON object", "array");
  }

  @Test
  void missingModelsRejected() throws Exception {
    assertMentions(rejectionMessage(file("{}")), "field \"models\" is missing");
  }

  @Test
  void missingPriceFieldRejected() throws Exception {
    Path file = fileWithEntries("{\"model\": \"claude-x-1\", \"input\": 1, \"output\": 2, \"cacheRead\": 0.1, "
        + "\"cacheWrite5m\": 1.25}");

    assertMentions(rejectionMessage(file), file.toString(), "entry 1", "claude-x-1", "\"cacheWrite1h\" is missing");
  }

  @Test
  void missingModelRejected() throws Exception {
    assertMentions(rejectionMessage(fileWithEntries("{" + PRICES + "}")), "entry 1", "\"model\" is missing");
  }

  @Test
  void negativePriceRejected() throws Exception {
    Path file = fileWithEntries(
        "{\"model\": \"claude-ok-1\", " + PRICES + "}",
        "{\"model\": \"claude-x-1\", \"input\": -1, \"output\": 2, \"cacheRead\": 0, \"cacheWrite5m\": 0, "
            + "\"cacheWrite1h\": 0}");

    assertMentions(rejectionMessage(file), "entry 2", "claude-x-1", "\"input\"", "must not be negative", "-1");
  }

  @Test
  void stringPriceRejected() throws Exception {
    Path file = fileWithEntries("{\"model\": \"claude-x-1\", \"input\": \"3\", \"output\": 2, \"cacheRead\": 0, "
        + "\"cacheWrite5m\": 0, \"cacheWrite1h\": 0}");

    assertMentions(rejectionMessage(file), "entry 1", "\"input\"", "must be a number", "string \"3\"");
  }

  @Test
  void wrongFieldTypesRejected() throws Exception {
    assertMentions(rejectionMessage(fileWithEntries("{\"model\": 42, " + PRICES + "}")),
        "\"model\" must be a string", "number 42");
    assertMentions(rejectionMessage(file("{\"models\": {}}")), "\"models\" must be an array");
    assertMentions(rejectionMessage(fileWithEntries("\"claude-x-1\"")), "entry 1 must be a JSON object");
    assertMentions(rejectionMessage(fileWithEntries("{\"model\": \"claude-x-1\", \"validFrom\": 20260101, "
        + PRICES + "}")), "\"validFrom\" must be a string");
    assertMentions(rejectionMessage(fileWithEntries("{\"model\": \"claude-x-1\", \"contextWindow\": 1.5, "
        + PRICES + "}")), "\"contextWindow\" must be a whole number");
    assertMentions(rejectionMessage(fileWithEntries("{\"model\": \"claude-x-1\", \"match\": \"regex\", "
        + PRICES + "}")), "\"match\" must be \"prefix\" or \"exact\"");
  }

  @Test
  void badDateRejected() throws Exception {
    Path file = fileWithEntries("{\"model\": \"claude-x-1\", \"validFrom\": \"01/09/2026\", " + PRICES + "}");

    assertMentions(rejectionMessage(file), "\"validFrom\" must be a date like 2026-09-01", "01/09/2026");
  }

  @Test
  void reversedValidityRejected() throws Exception {
    Path file = fileWithEntries("{\"model\": \"claude-x-1\", \"validFrom\": \"2026-09-01\", "
        + "\"validUntil\": \"2026-08-31\", " + PRICES + "}");

    assertMentions(rejectionMessage(file), "validUntil 2026-08-31 is before validFrom 2026-09-01");
  }

  @Test
  void overlappingValidityRejected() throws Exception {
    Path file = fileWithEntries(
        "{\"model\": \"claude-x-1\", \"validUntil\": \"2026-09-01\", " + PRICES + "}",
        "{\"model\": \"claude-x-1\", \"validFrom\": \"2026-09-01\", " + PRICES + "}");

    assertMentions(rejectionMessage(file), "entries 1 and 2", "claude-x-1", "overlapping");
  }

  @Test
  void unknownFieldRejected() throws Exception {
    Path file = fileWithEntries("{\"model\": \"claude-x-1\", \"validFom\": \"2026-09-01\", " + PRICES + "}");

    assertMentions(rejectionMessage(file), "entry 1", "\"validFom\" is unknown");
  }

  @Test
  void duplicateKeyRejected() throws Exception {
    Path file = fileWithEntries("{\"model\": \"claude-x-1\", \"input\": 1, " + PRICES + "}");

    assertMentions(rejectionMessage(file), file.toString(), "not valid JSON");
  }

  @Test
  void absurdPriceRejected() throws Exception {
    Path file = fileWithEntries("{\"model\": \"claude-x-1\", \"input\": 1e9, \"output\": 2, \"cacheRead\": 0, "
        + "\"cacheWrite5m\": 0, \"cacheWrite1h\": 0}");

    assertMentions(rejectionMessage(file), "\"input\" must be at most");
  }

  @Test
  void tooManyDecimalsRejected() throws Exception {
    Path file = fileWithEntries("{\"model\": \"claude-x-1\", \"input\": 1e-30, \"output\": 2, \"cacheRead\": 0, "
        + "\"cacheWrite5m\": 0, \"cacheWrite1h\": 0}");

    assertMentions(rejectionMessage(file), "\"input\" must have at most 6 decimal places");
  }

  @Test
  void hugeFileRejected() throws Exception {
    String padding = " ".repeat(PriceFileReader.MAX_BYTES);
    Path file = file("{\"models\": []}" + padding);

    assertMentions(rejectionMessage(file), file.toString(), "larger than the limit", "1 MiB");
  }

  @Test
  void fileAtSizeLimitAccepted() throws Exception {
    String content = "{\"models\": []}";
    Path file = file(content + " ".repeat(PriceFileReader.MAX_BYTES - content.length()));

    assertTrue(PriceTable.withOverride(file).priceFor("claude-haiku-4-5", MID_2026).isPresent());
  }

  @Test
  void invalidUtf8Rejected() throws Exception {
    Path file = directory.resolve("latin1.json");
    Files.write(file, new byte[] {'{', '"', (byte) 0xE9, '"', ':', '1', '}'});

    assertMentions(rejectionMessage(file), "not valid UTF-8");
  }

  @Test
  void missingFileRejected() {
    Path file = directory.resolve("absent.json");

    assertMentions(rejectionMessage(file), file.toString(), "file not found");
  }

  @Test
  void configuredInvalidFileKeepsBundled() throws Exception {
    Path file = file("not json");
    try (LogCapture log = LogCapture.of(PriceTable.class)) {
      PriceTable table = PriceTable.configured(file.toString());

      assertSame(PriceTable.bundled(), table);
      assertEquals(1, log.warnings().size());
      assertMentions(log.warnings().get(0).getMessage(), "MODEL_PRICES_FILE", file.toString(), "not valid JSON");
    }
  }

  @Test
  void configuredBlankUsesBundled() {
    assertSame(PriceTable.bundled(), PriceTable.configured(null));
    assertSame(PriceTable.bundled(), PriceTable.configured("  "));
  }

  @Test
  void configuredValidFileApplies() throws Exception {
    Path file = fileWithEntries("{\"model\": \"claude-opus-6\", " + PRICES + "}");

    PriceTable table = PriceTable.configured(file.toString());

    assertTrue(table.priceFor("claude-opus-6", MID_2026).isPresent());
  }
}
