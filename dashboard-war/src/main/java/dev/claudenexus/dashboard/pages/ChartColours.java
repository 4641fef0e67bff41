package dev.claudenexus.dashboard.pages;

/**
 * Colours of a chart in one theme. Charts draw on a canvas, which cannot read the CSS variables of
 * dashboard.css, so these repeat the values of its light and dark themes.
 */
record ChartColours(String line, String fill, String limit, String warning, String text, String grid) {

  static final ChartColours LIGHT =
      new ChartColours("#2f6fde", "rgba(47, 111, 222, 0.15)", "#c62828", "#b7791f", "#5f6b7a", "#d9dee5");
  static final ChartColours DARK =
      new ChartColours("#7fa9f5", "rgba(127, 169, 245, 0.2)", "#ef5350", "#f0b44c", "#9aa4b2", "#30353d");

  static ChartColours of(boolean dark) {
    return dark ? DARK : LIGHT;
  }
}
