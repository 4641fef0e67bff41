package dev.claudenexus.dashboard.pages.request;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Formats stored values for the item pages: times in UTC, counts with digit grouping. */
public final class DisplayFormats {

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
    return String.format(Locale.ROOT, "%,d", value);
  }

  /** Returns milliseconds as {@code 850 ms}, {@code 12.3 s} or {@code 1 h 2 min}, or a dash. */
  public static String duration(Long milliseconds) {
    if (milliseconds == null) {
      return "–";
    }
    long ms = milliseconds;
    if (ms < 1_000) {
      return ms + " ms";
    }
    if (ms < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
    Duration length = Duration.ofMillis(ms);
    if (length.toHours() == 0) {
      return length.toMinutes() + " min " + length.toSecondsPart() + " s";
    }
    return length.toHours() + " h " + length.toMinutesPart() + " min";
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
