package dev.claudenexus.proxy.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class RetentionScheduleTest {

  @Test
  void startLaterTodayWaitsUntilThen() {
    ZonedDateTime now = ZonedDateTime.parse("2026-12-05T01:30:00Z");

    assertEquals(Duration.ofMinutes(90), RetentionSchedule.untilNext(now, 3));
  }

  @Test
  void startPassedWaitsForTomorrow() {
    ZonedDateTime now = ZonedDateTime.parse("2026-12-05T03:00:00Z");

    assertEquals(Duration.ofHours(24), RetentionSchedule.untilNext(now, 3));
  }

  @Test
  void otherZoneCountsInUtc() {
    ZonedDateTime now = ZonedDateTime.of(2026, 12, 5, 4, 0, 0, 0, ZoneId.of("Europe/Berlin"));

    assertEquals(Duration.ofHours(24), RetentionSchedule.untilNext(now, 3));
  }
}
