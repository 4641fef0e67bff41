package dev.claudenexus.dashboard.pages;

import java.util.Locale;

/**
 * Output tokens used against a limit, and the colour level of the share: {@code ok} up to 70 %,
 * {@code warn} above 70 % up to 90 %, {@code bad} above 90 %.
 *
 * @param usedTokens output tokens used, 0 or more
 * @param limitTokens the limit, above 0
 */
public record LimitShare(long usedTokens, long limitTokens) {

  static final double WARN_ABOVE_PERCENT = 70;
  static final double BAD_ABOVE_PERCENT = 90;

  public LimitShare {
    if (limitTokens <= 0) {
      throw new IllegalArgumentException("The limit must be above 0, got " + limitTokens);
    }
  }

  /** Returns the share of the limit used, in percent; above 100 when the limit is exceeded. */
  public double percent() {
    return usedTokens * 100.0 / limitTokens;
  }

  /** Returns the share as text with one decimal, such as {@code "76.4 %"}. */
  public String percentText() {
    return String.format(Locale.ROOT, "%.1f %%", percent());
  }

  /** Returns {@code ok}, {@code warn} or {@code bad}. */
  public String level() {
    double percent = percent();
    if (percent > BAD_ABOVE_PERCENT) {
      return "bad";
    }
    return percent > WARN_ABOVE_PERCENT ? "warn" : "ok";
  }

  /** Returns the tokens left before the limit, 0 when it is reached. */
  public long remainingTokens() {
    return Math.max(0, limitTokens - usedTokens);
  }

  /** Returns the CSS width of a bar that shows the share, capped at 100 %. */
  public String barWidth() {
    return String.format(Locale.ROOT, "%.1f%%", Math.min(100.0, percent()));
  }
}
