package dev.claudenexus.dashboard.pages;

import static dev.claudenexus.json.JsonProviders.JSON;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.claudenexus.api.tokenusage.SlidingWindowBucket;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageChartBuilderTest {

  private static final OffsetDateTime START = OffsetDateTime.of(2026, 12, 4, 23, 50, 0, 0, ZoneOffset.UTC);

  private final UsageChartBuilder builder =
      new UsageChartBuilder(Duration.ofMinutes(5), UsageChartBuilder.TIME_OF_DAY, ChartColours.LIGHT);

  private static List<SlidingWindowBucket> buckets(long... tokens) {
    return java.util.stream.IntStream.range(0, tokens.length)
        .mapToObj(i -> new SlidingWindowBucket(START.plusMinutes(5L * i), tokens[i], false))
        .toList();
  }

  private static JsonObject parse(UsageChart chart) {
    return JSON.createReader(new StringReader(chart.config())).readObject();
  }

  private static JsonArray datasets(UsageChart chart) {
    return parse(chart).getJsonObject("data").getJsonArray("datasets");
  }

  @Test
  void labelsAreBucketEnds() {
    JsonArray labels = parse(builder.build(buckets(1, 2, 3), 100)).getJsonObject("data").getJsonArray("labels");

    assertEquals(List.of("23:55", "00:00", "00:05"), labels.getValuesAs(jakarta.json.JsonString::getString));
  }

  @Test
  void usageDatasetCarriesTokens() {
    JsonObject usage = datasets(builder.build(buckets(5, 0, 70), 100)).getJsonObject(0);

    assertEquals("[5,0,70]", usage.getJsonArray("data").toString());
    assertEquals(ChartColours.LIGHT.line(), usage.getString("borderColor"));
  }

  @Test
  void limitDrawnFromQuarterOfLimit() {
    UsageChart chart = builder.build(buckets(10, 25), 100);

    assertTrue(chart.limitShown());
    assertEquals(2, datasets(chart).size());
    assertEquals("Limit (100)", datasets(chart).getJsonObject(1).getString("label"));
    assertEquals("[100,100]", datasets(chart).getJsonObject(1).getJsonArray("data").toString());
  }

  @Test
  void limitLeftOutBelowQuarter() {
    UsageChart chart = builder.build(buckets(10, 24), 100);

    assertFalse(chart.limitShown());
    assertEquals(1, datasets(chart).size());
  }

  @Test
  void noLimitForAllAccounts() {
    UsageChart chart = builder.build(buckets(10, 24), 0);

    assertFalse(chart.limitShown());
    assertEquals(24, chart.peakTokens());
  }

  @Test
  void warningsMarkedOnTheirPoints() {
    List<SlidingWindowBucket> buckets = List.of(
        new SlidingWindowBucket(START, 40, false),
        new SlidingWindowBucket(START.plusMinutes(5), 60, true));

    UsageChart chart = builder.build(buckets, 1_000);

    assertEquals(1, chart.warnings());
    JsonObject markers = datasets(chart).getJsonObject(1);
    assertEquals("[null,60]", markers.getJsonArray("data").toString());
    assertFalse(markers.getBoolean("showLine"));
  }

  @Test
  void darkThemeColours() {
    UsageChart chart = new UsageChartBuilder(Duration.ofMinutes(5), UsageChartBuilder.TIME_OF_DAY,
        ChartColours.DARK).build(buckets(1), 0);

    assertEquals(ChartColours.DARK.line(), datasets(chart).getJsonObject(0).getString("borderColor"));
    assertEquals(ChartColours.DARK.grid(), parse(chart).getJsonObject("options").getJsonObject("scales")
        .getJsonObject("y").getJsonObject("grid").getString("color"));
  }

  @Test
  void configHasNoRawAngleBracket() {
    assertEquals("{\"label\":\"\\u003c/script>\"}", UsageChartBuilder.scriptSafe("{\"label\":\"</script>\"}"));
  }

  @Test
  void sevenDayLabelsNameWeekday() {
    UsageChartBuilder hourly =
        new UsageChartBuilder(Duration.ofMinutes(60), UsageChartBuilder.DAY_AND_TIME, ChartColours.LIGHT);
    List<SlidingWindowBucket> buckets = List.of(new SlidingWindowBucket(START.withMinute(0), 1, false));

    JsonArray labels = parse(hourly.build(buckets, 0)).getJsonObject("data").getJsonArray("labels");

    assertEquals("Sat 00:00", labels.getString(0));
  }
}
