package dev.claudenexus.dashboard.pages;

import dev.claudenexus.pricing.ContextLimit;
import java.util.Locale;

/**
 * The fill level of a model's context window: the context tokens of a conversation's latest request
 * against the window. Up to 70 % is {@link Level#OK}, up to 90 % {@link Level#WARN}, above that
 * {@link Level#BAD}.
 *
 * @param tokens input plus cache-read plus cache-creation tokens of the latest request
 * @param limit the model's context window
 */
public record ContextBattery(long tokens, ContextLimit limit) {

  static final double WARN_ABOVE_PERCENT = 70;
  static final double BAD_ABOVE_PERCENT = 90;

  /** Colour levels of the battery, whose CSS classes are {@code battery-ok}, -warn and -bad. */
  public enum Level {
    OK, WARN, BAD;

    public String cssClass() {
      return "battery-" + name().toLowerCase(Locale.ROOT);
    }
  }

  /** Returns the share of the window in use, in percent, above 100 when the tokens exceed it. */
  public double percent() {
    return limit.tokens() <= 0 ? 0 : tokens * 100.0 / limit.tokens();
  }

  public Level level() {
    double percent = percent();
    if (percent <= WARN_ABOVE_PERCENT) {
      return Level.OK;
    }
    return percent <= BAD_ABOVE_PERCENT ? Level.WARN : Level.BAD;
  }

  /** Returns the width of the battery's fill in percent, from 0 to 100. */
  public long fillPercent() {
    return Math.min(100, Math.round(percent()));
  }

  /** Returns the share as text, with one decimal below 10 %: {@code 4.2 %} or {@code 73 %}. */
  public String label() {
    double percent = percent();
    return percent < 10 ? String.format(Locale.ROOT, "%.1f %%", percent)
        : String.format(Locale.ROOT, "%.0f %%", percent);
  }

  /** Returns the tokens and the window in words, marking an estimated window. */
  public String description() {
    Formats format = new Formats();
    return format.count(tokens) + " of " + format.count(limit.tokens()) + " tokens"
        + (limit.estimate() ? " (estimated context window)" : "");
  }
}
