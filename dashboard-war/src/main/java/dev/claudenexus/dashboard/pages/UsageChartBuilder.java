package dev.claudenexus.dashboard.pages;

import static dev.claudenexus.json.JsonProviders.JSON;

import dev.claudenexus.api.tokenusage.SlidingWindowBucket;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Builds the Chart.js configuration of a sliding-window chart: a filled line of the output tokens in
 * the window before each point, the limit as a dashed line, and a marker on each point whose window
 * had a rate-limit warning. Labels are the ends of the buckets in UTC.
 */
final class UsageChartBuilder {

  /**
   * The limit line is drawn only when the peak reaches this share of it. Below that, a line at the
   * limit would flatten the usage into the bottom of the chart.
   */
  static final double LIMIT_LINE_FROM_SHARE = 0.25;

  static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
  static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);

  private final Duration bucket;
  private final DateTimeFormatter labels;
  private final ChartColours colours;

  /**
   * @param bucket the length of one bucket, which makes a bucket's start its label's end
   * @param labels the format of the labels
   * @param colours the colours of the theme
   */
  UsageChartBuilder(Duration bucket, DateTimeFormatter labels, ChartColours colours) {
    this.bucket = bucket;
    this.labels = labels;
    this.colours = colours;
  }

  /**
   * Returns the chart of these buckets, oldest first.
   *
   * @param limitTokens the limit to draw, or 0 for a chart without one (several accounts)
   */
  UsageChart build(List<SlidingWindowBucket> buckets, long limitTokens) {
    long peak = buckets.stream().mapToLong(SlidingWindowBucket::windowTokens).max().orElse(0);
    boolean limitShown = limitTokens > 0 && peak >= limitTokens * LIMIT_LINE_FROM_SHARE;
    int warnings = (int) buckets.stream().filter(SlidingWindowBucket::warning).count();

    JsonArrayBuilder labelList = JSON.createArrayBuilder();
    JsonArrayBuilder tokens = JSON.createArrayBuilder();
    JsonArrayBuilder limit = JSON.createArrayBuilder();
    JsonArrayBuilder warned = JSON.createArrayBuilder();
    for (SlidingWindowBucket point : buckets) {
      OffsetDateTime end = point.start().plus(bucket).withOffsetSameInstant(ZoneOffset.UTC);
      labelList.add(labels.format(end));
      tokens.add(point.windowTokens());
      limit.add(limitTokens);
      if (point.warning()) {
        warned.add(point.windowTokens());
      } else {
        warned.addNull();
      }
    }

    JsonArrayBuilder datasets = JSON.createArrayBuilder().add(usageDataset(tokens));
    if (limitShown) {
      datasets.add(limitDataset(limit, limitTokens));
    }
    if (warnings > 0) {
      datasets.add(warningDataset(warned));
    }
    JsonObject config = JSON.createObjectBuilder()
        .add("type", "line")
        .add("data", JSON.createObjectBuilder().add("labels", labelList).add("datasets", datasets))
        .add("options", options())
        .build();
    return new UsageChart(scriptSafe(config.toString()), limitShown, peak, warnings);
  }

  /**
   * Escapes {@code <} as {@code \u003c}, which means the same in JSON and JavaScript strings, so no
   * text in the configuration can close the script element PrimeFaces writes it into.
   */
  static String scriptSafe(String json) {
    return json.replace("<", "\\u003c");
  }

  private JsonObjectBuilder usageDataset(JsonArrayBuilder tokens) {
    return JSON.createObjectBuilder()
        .add("label", "Output tokens in the 5 hours before")
        .add("data", tokens)
        .add("borderColor", colours.line())
        .add("backgroundColor", colours.fill())
        .add("fill", true)
        .add("borderWidth", 1.5)
        .add("pointRadius", 0)
        .add("tension", 0);
  }

  private JsonObjectBuilder limitDataset(JsonArrayBuilder limit, long limitTokens) {
    return JSON.createObjectBuilder()
        .add("label", String.format(Locale.ENGLISH, "Limit (%,d)", limitTokens))
        .add("data", limit)
        .add("borderColor", colours.limit())
        .add("borderDash", JSON.createArrayBuilder().add(6).add(4))
        .add("borderWidth", 1)
        .add("fill", false)
        .add("pointRadius", 0);
  }

  private JsonObjectBuilder warningDataset(JsonArrayBuilder warned) {
    return JSON.createObjectBuilder()
        .add("label", "Rate-limit warning in the window")
        .add("data", warned)
        .add("showLine", false)
        .add("pointStyle", "triangle")
        .add("pointRadius", 4)
        .add("borderColor", colours.warning())
        .add("backgroundColor", colours.warning());
  }

  private JsonObjectBuilder options() {
    return JSON.createObjectBuilder()
        .add("responsive", true)
        .add("maintainAspectRatio", false)
        .add("animation", false)
        .add("interaction", JSON.createObjectBuilder().add("mode", "index").add("intersect", false))
        .add("scales", JSON.createObjectBuilder()
            .add("x", JSON.createObjectBuilder()
                .add("ticks", ticks().add("autoSkip", true).add("maxTicksLimit", 12).add("maxRotation", 0))
                .add("grid", grid()))
            .add("y", JSON.createObjectBuilder()
                .add("beginAtZero", true)
                .add("ticks", ticks())
                .add("grid", grid())))
        .add("plugins", JSON.createObjectBuilder()
            .add("legend", JSON.createObjectBuilder()
                .add("labels", JSON.createObjectBuilder().add("color", colours.text()))));
  }

  private JsonObjectBuilder ticks() {
    return JSON.createObjectBuilder().add("color", colours.text());
  }

  private JsonObjectBuilder grid() {
    return JSON.createObjectBuilder().add("color", colours.grid());
  }
}
