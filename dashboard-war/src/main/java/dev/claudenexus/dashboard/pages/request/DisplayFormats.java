package dev.claudenexus.dashboard.pages.request;

import dev.claudenexus.dashboard.pages.Formats;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Formats stored values for the item pages. Counts and durations are as {@link Formats} writes them
 * on the other pages. Times carry milliseconds and costs six decimals, because these pages show one
 * request exactly.
 */
public final class DisplayFormats {

  private static final Formats FORMATS = new Formats();

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'", Locale.ROOT);
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
  private static final DateTimeFormatter CLOCK_MILLIS =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);

  private DisplayFormats() {}

  /** Returns the time in UTC with milliseconds, or a dash for none. */
  public static String time(OffsetDateTime time) {
    return time == null ? "–" : TIME.format(time.withOffsetSameInstant(ZoneOffset.UTC));
  }

  /** Returns the UTC time of day, or a dash for none. */
  public static String clock(OffsetDateTime time) {
    return time == null ? "–" : CLOCK.format(time.withOffsetSameInstant(ZoneOffset.UTC));
  }

  /** Returns the UTC time of day with milliseconds, or a dash for none. */
  public static String clockMillis(OffsetDateTime time) {
    return time == null ? "–" : CLOCK_MILLIS.format(time.withOffsetSameInstant(ZoneOffset.UTC));
  }

  /** Returns a count with comma grouping, such as {@code 12,345}. */
  public static String count(long value) {
    return FORMATS.count(value);
  }

  /** Returns milliseconds in their two largest units, such as {@code 850 ms} or {@code 1 h 2 min}. */
  public static String duration(Long milliseconds) {
    return milliseconds == null ? "–" : FORMATS.duration(Duration.ofMillis(milliseconds));
  }

  /** Returns a cost in US dollars with six decimals, or a note when the model has no price. */
  public static String usd(BigDecimal cost) {
    return cost == null ? "no price for this model"
        : "$" + cost.setScale(6, RoundingMode.HALF_UP).toPlainString();
  }

  /** Returns the first 8 characters of an id, as the pages label requests. */
  public static String shortId(Object id) {
    String text = String.valueOf(id);
    return text.length() <= 8 ? text : text.substring(0, 8);
  }
}
