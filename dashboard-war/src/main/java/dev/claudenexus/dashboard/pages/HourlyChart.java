package dev.claudenexus.dashboard.pages;

import static dev.claudenexus.json.JsonProviders.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the Chart.js 4 configuration of an hourly bar chart, one stacked dataset per domain, for
 * {@code p:chart}. PrimeFaces writes the configuration into a script element as a JavaScript
 * literal, so {@link #toJson} escapes the characters that could end that element.
 */
public final class HourlyChart {

  /** Colours of the domains' bars, in order; they repeat after the last one. */
  static final List<String> PALETTE = List.of("#4e79a7", "#f28e2b", "#59a14f", "#e15759",
      "#76b7b2", "#edc948", "#b07aa1", "#9c755f");
  static final int MAX_X_TICKS = 14;
  private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("MM-dd HH:mm",
      Locale.ROOT);

  /** Text and grid line colours of a theme, matching its CSS variables. */
  public record ThemeColours(String text, String muted, String grid) {
    public static final ThemeColours LIGHT = new ThemeColours("#1f2329", "#5f6b7a", "#d9dee5");
    public static final ThemeColours DARK = new ThemeColours("#e6e8eb", "#9aa4b2", "#30353d");
  }

  private HourlyChart() {}

  /** Returns the configuration of a chart of {@code series} whose y axis is titled {@code unit}. */
  public static JsonObject config(HourlySeries series, String unit, ThemeColours colours) {
    JsonArrayBuilder labels = JSON.createArrayBuilder();
    for (int i = 0; i < series.hours(); i++) {
      labels.add(LABEL.format(series.hour(i)));
    }
    JsonArrayBuilder datasets = JSON.createArrayBuilder();
    int index = 0;
    for (Map.Entry<String, long[]> domain : series.byDomain().entrySet()) {
      JsonArrayBuilder values = JSON.createArrayBuilder();
      for (long value : domain.getValue()) {
        values.add(value);
      }
      datasets.add(JSON.createObjectBuilder()
          .add("label", domain.getKey())
          .add("data", values)
          .add("backgroundColor", PALETTE.get(index % PALETTE.size()))
          .add("borderWidth", 0)
          .add("stack", "domains"));
      index++;
    }
    return JSON.createObjectBuilder()
        .add("type", "bar")
        .add("data", JSON.createObjectBuilder().add("labels", labels).add("datasets", datasets))
        .add("options", options(unit, colours))
        .build();
  }

  private static JsonObjectBuilder options(String unit, ThemeColours colours) {
    JsonObjectBuilder x = JSON.createObjectBuilder()
        .add("stacked", true)
        .add("ticks", JSON.createObjectBuilder().add("color", colours.muted())
            .add("autoSkip", true).add("maxTicksLimit", MAX_X_TICKS).add("maxRotation", 0))
        .add("grid", JSON.createObjectBuilder().add("display", false));
    JsonObjectBuilder y = JSON.createObjectBuilder()
        .add("stacked", true)
        .add("beginAtZero", true)
        .add("ticks", JSON.createObjectBuilder().add("color", colours.muted()).add("precision", 0))
        .add("grid", JSON.createObjectBuilder().add("color", colours.grid()))
        .add("title", JSON.createObjectBuilder().add("display", true).add("text", unit)
            .add("color", colours.muted()));
    return JSON.createObjectBuilder()
        .add("animation", false)
        .add("responsive", true)
        .add("maintainAspectRatio", false)
        .add("plugins", JSON.createObjectBuilder()
            .add("legend", JSON.createObjectBuilder().add("position", "bottom")
                .add("labels", JSON.createObjectBuilder().add("color", colours.text()))))
        .add("scales", JSON.createObjectBuilder().add("x", x).add("y", y));
  }

  /**
   * Returns the configuration as JSON that is safe inside an HTML script element: {@code <},
   * {@code >} and {@code &} become Unicode escapes, which JSON and JavaScript read back as the same
   * characters.
   */
  public static String toJson(JsonObject config) {
    String json = config.toString();
    StringBuilder safe = new StringBuilder(json.length() + 16);
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      switch (c) {
        case '<' -> safe.append("\\u003c");
        case '>' -> safe.append("\\u003e");
        case '&' -> safe.append("\\u0026");
        case '\u2028' -> safe.append("\\u2028");
        case '\u2029' -> safe.append("\\u2029");
        default -> safe.append(c);
      }
    }
    return safe.toString();
  }
}
