package dev.claudenexus.dashboard.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FormatsTest {

  private static final OffsetDateTime NOW = OffsetDateTime.of(2025, 3, 10, 12, 0, 0, 0,
      ZoneOffset.UTC);
  private final Formats format = new Formats();

  @Test
  void countGroupsThousands() {
    assertThat(format.count(1_234_567)).isEqualTo("1,234,567");
    assertThat(format.count(0)).isEqualTo("0");
  }

  @Test
  void usdKeepsCentsOfSmallAmounts() {
    assertThat(format.usd(new BigDecimal("0.097594"))).isEqualTo("$0.0976");
    assertThat(format.usd(new BigDecimal("12.345"))).isEqualTo("$12.35");
    assertThat(format.usd(null)).isEqualTo("$0.0000");
  }

  @Test
  void timesAreUtc() {
    OffsetDateTime berlin = OffsetDateTime.of(2025, 3, 10, 13, 5, 9, 0, ZoneOffset.ofHours(1));

    assertThat(format.time(berlin)).isEqualTo("2025-03-10 12:05:09");
    assertThat(format.hour(berlin)).isEqualTo("2025-03-10 12:05");
    assertThat(format.iso(berlin)).isEqualTo("2025-03-10T12:05:09Z");
  }

  @Test
  void durationUsesTwoLargestUnits() {
    assertThat(format.duration(Duration.ofMillis(43))).isEqualTo("43 ms");
    assertThat(format.duration(Duration.ofSeconds(42))).isEqualTo("42 s");
    assertThat(format.duration(Duration.ofSeconds(303))).isEqualTo("5 min 3 s");
    assertThat(format.duration(Duration.ofMinutes(185))).isEqualTo("3 h 5 min");
    assertThat(format.duration(Duration.ofHours(52))).isEqualTo("2 d 4 h");
    assertThat(format.duration(Duration.ofSeconds(-5))).isEqualTo("0 ms");
  }

  @Test
  void agoUsesLargestUnit() {
    assertThat(format.ago(NOW, NOW)).isEqualTo("just now");
    assertThat(format.ago(NOW.minusSeconds(42), NOW)).isEqualTo("42 s ago");
    assertThat(format.ago(NOW.minusMinutes(5), NOW)).isEqualTo("5 min ago");
    assertThat(format.ago(NOW.minusHours(3), NOW)).isEqualTo("3 h ago");
    assertThat(format.ago(NOW.minusDays(2), NOW)).isEqualTo("2 d ago");
  }

  @Test
  void shortIdTakesEightCharacters() {
    UUID id = UUID.fromString("d6b83139-e966-4188-bbc0-031b04801ffa");

    assertThat(format.shortId(id)).isEqualTo("d6b83139");
  }
}
