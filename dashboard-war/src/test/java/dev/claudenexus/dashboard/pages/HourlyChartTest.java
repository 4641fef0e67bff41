package dev.claudenexus.dashboard.pages;

import static dev.claudenexus.json.JsonProviders.JSON;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudenexus.api.hourly.HourlyCount;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class HourlyChartTest {

  private static final OffsetDateTime NOW = OffsetDateTime.of(2025, 3, 10, 12, 30, 0, 0,
      ZoneOffset.UTC);
  private static final OffsetDateTime SINCE = NOW.minusHours(3);

  private static HourlyCount count(String domain, int hour, long value) {
    return new HourlyCount(domain, OffsetDateTime.of(2025, 3, 10, hour, 0, 0, 0, ZoneOffset.UTC),
        value);
  }

  private static HourlySeries series() {
    return HourlySeries.of(List.of(count("b.example.com", 10, 4), count("a.example.com", 9, 2),
        count("a.example.com", 12, 5), count("a.example.com", 3, 99)), SINCE, NOW);
  }

  @Test
  void seriesCoversEveryHourWithZeros() {
    HourlySeries series = series();

    assertThat(series.hours()).isEqualTo(4);
    assertThat(series.firstHour()).isEqualTo(OffsetDateTime.of(2025, 3, 10, 9, 0, 0, 0,
        ZoneOffset.UTC));
    assertThat(series.byDomain().keySet()).containsExactly("a.example.com", "b.example.com");
    assertThat(series.byDomain().get("a.example.com")).containsExactly(2, 0, 0, 5);
    assertThat(series.byDomain().get("b.example.com")).containsExactly(0, 4, 0, 0);
  }

  @Test
  void seriesTotalsAddDomains() {
    assertThat(series().totals()).containsExactly(2, 4, 0, 5);
    assertThat(series().total()).isEqualTo(11);
  }

  @Test
  void summaryFindsPeakAndActiveHours() {
    HourlySummary summary = HourlySummary.of(series(), 4);

    assertThat(summary.total()).isEqualTo(11);
    assertThat(summary.averagePerHour()).isEqualTo(2.75);
    assertThat(summary.peakHour()).contains(OffsetDateTime.of(2025, 3, 10, 12, 0, 0, 0,
        ZoneOffset.UTC));
    assertThat(summary.peakCount()).isEqualTo(5);
    assertThat(summary.activeHours()).isEqualTo(3);
  }

  @Test
  void summaryWithoutRequestsHasNoPeak() {
    HourlySummary summary = HourlySummary.of(HourlySeries.of(List.of(), SINCE, NOW), 168);

    assertThat(summary.total()).isZero();
    assertThat(summary.peakHour()).isEmpty();
    assertThat(summary.activeHours()).isZero();
  }

  @Test
  void configStacksOneDatasetPerDomain() {
    JsonObject config = HourlyChart.config(series(), "Requests", HourlyChart.ThemeColours.DARK);

    JsonObject data = config.getJsonObject("data");
    assertThat(config.getString("type")).isEqualTo("bar");
    assertThat(data.getJsonArray("labels").getString(0)).isEqualTo("03-10 09:00");
    assertThat(data.getJsonArray("datasets")).hasSize(2);
    assertThat(data.getJsonArray("datasets").getJsonObject(1).getString("label"))
        .isEqualTo("b.example.com");
    assertThat(data.getJsonArray("datasets").getJsonObject(1).getString("backgroundColor"))
        .isEqualTo(HourlyChart.PALETTE.get(1));
    JsonObject scales = config.getJsonObject("options").getJsonObject("scales");
    assertThat(scales.getJsonObject("x").getBoolean("stacked")).isTrue();
    assertThat(scales.getJsonObject("y").getBoolean("stacked")).isTrue();
    assertThat(scales.getJsonObject("y").getJsonObject("ticks").getString("color"))
        .isEqualTo(HourlyChart.ThemeColours.DARK.muted());
  }

  @Test
  void jsonCannotEndScriptElement() {
    HourlySeries series = HourlySeries.of(List.of(count("</script><b>&x", 10, 1)), SINCE, NOW);

    String json = HourlyChart.toJson(HourlyChart.config(series, "Requests",
        HourlyChart.ThemeColours.LIGHT));
    JsonObject parsed = JSON.createReader(new StringReader(json)).readObject();

    assertThat(json).doesNotContain("<").doesNotContain(">").doesNotContain("&");
    assertThat(parsed.getJsonObject("data").getJsonArray("datasets").getJsonObject(0)
        .getString("label")).isEqualTo("</script><b>&x");
  }
}
