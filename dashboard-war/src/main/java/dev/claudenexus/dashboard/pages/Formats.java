package dev.claudenexus.dashboard.pages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/**
 * Formats numbers, amounts, times and durations for the pages, in English and UTC. Pages call it as
 * {@code #{format.count(n)}}.
 */
@Named("format")
@ApplicationScoped
public class Formats {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
  private static final DateTimeFormatter HOUR =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
  private static final BigDecimal ONE_DOLLAR = BigDecimal.ONE;
  private static final int SHORT_ID_LENGTH = 8;

  /** Returns a whole number with thousands separators, such as {@code 12,345}. */
  public String count(long value) {
    return NumberFormat.getIntegerInstance(Locale.US).format(value);
  }

  /**
   * Returns a USD amount: two decimals from one dollar up, four below, so that the cost of a single
   * request does not show as {@code $0.00}.
   */
  public String usd(BigDecimal amount) {
    BigDecimal value = amount == null ? BigDecimal.ZERO : amount;
    int scale = value.abs().compareTo(ONE_DOLLAR) >= 0 ? 2 : 4;
    return "$" + value.setScale(scale, RoundingMode.HALF_UP).toPlainString();
  }

  /** Returns a time in UTC as {@code 2025-01-31 10:00:00}, or "" for {@code null}. */
  public String time(OffsetDateTime time) {
    return time == null ? "" : TIME.format(time.withOffsetSameInstant(ZoneOffset.UTC));
  }

  /** Returns the start of an hour in UTC as {@code 2025-01-31 10:00}, or "" for {@code null}. */
  public String hour(OffsetDateTime time) {
    return time == null ? "" : HOUR.format(time.withOffsetSameInstant(ZoneOffset.UTC));
  }

  /** Returns a time as ISO-8601 in UTC, for {@code datetime} attributes and scripts. */
  public String iso(OffsetDateTime time) {
    return time == null ? "" : time.toInstant().toString();
  }

  /** Returns the first 8 characters of an id, as the pages show ids in tables. */
  public String shortId(UUID id) {
    return id == null ? "" : id.toString().substring(0, SHORT_ID_LENGTH);
  }

  /** Returns the time from {@code start} to {@code end}; see {@link #duration(Duration)}. */
  public String duration(OffsetDateTime start, OffsetDateTime end) {
    if (start == null || end == null) {
      return "";
    }
    return duration(Duration.between(start, end));
  }

  /**
   * Returns a duration in its two largest units, such as {@code 3 h 5 min} or {@code 42 s};
   * under a second, in milliseconds.
   */
  public String duration(Duration duration) {
    Duration value = duration.isNegative() ? Duration.ZERO : duration;
    if (value.toSeconds() == 0) {
      return value.toMillis() + " ms";
    }
    long days = value.toDays();
    if (days > 0) {
      return days + " d " + value.toHoursPart() + " h";
    }
    long hours = value.toHours();
    if (hours > 0) {
      return hours + " h " + value.toMinutesPart() + " min";
    }
    long minutes = value.toMinutes();
    if (minutes > 0) {
      return minutes + " min " + value.toSecondsPart() + " s";
    }
    return value.toSeconds() + " s";
  }

  /** Returns how long before now {@code time} was, such as {@code 5 min ago}. */
  public String ago(OffsetDateTime time) {
    return ago(time, OffsetDateTime.now(ZoneOffset.UTC));
  }

  /** Returns how long before {@code now} {@code time} was, in its largest unit. */
  public String ago(OffsetDateTime time, OffsetDateTime now) {
    if (time == null) {
      return "";
    }
    Duration age = Duration.between(time, now);
    if (age.toSeconds() < 1) {
      return "just now";
    }
    if (age.toMinutes() < 1) {
      return age.toSeconds() + " s ago";
    }
    if (age.toHours() < 1) {
      return age.toMinutes() + " min ago";
    }
    if (age.toDays() < 1) {
      return age.toHours() + " h ago";
    }
    return age.toDays() + " d ago";
  }
}
