package dev.claudenexus.dashboard.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LimitShareTest {

  @Test
  void levelOkUpToSeventyPercent() {
    assertEquals("ok", new LimitShare(0, 140_000).level());
    assertEquals("ok", new LimitShare(98_000, 140_000).level());
  }

  @Test
  void levelWarnAboveSeventyUpToNinety() {
    assertEquals("warn", new LimitShare(98_001, 140_000).level());
    assertEquals("warn", new LimitShare(126_000, 140_000).level());
  }

  @Test
  void levelBadAboveNinetyPercent() {
    assertEquals("bad", new LimitShare(126_001, 140_000).level());
    assertEquals("bad", new LimitShare(300_000, 140_000).level());
  }

  @Test
  void percentTextHasOneDecimal() {
    assertEquals("70.9 %", new LimitShare(1_772, 2_500).percentText());
    assertEquals("0.0 %", new LimitShare(0, 2_500).percentText());
    assertEquals("200.0 %", new LimitShare(5_000, 2_500).percentText());
  }

  @Test
  void barWidthCappedAtFull() {
    assertEquals("70.9%", new LimitShare(1_772, 2_500).barWidth());
    assertEquals("100.0%", new LimitShare(5_000, 2_500).barWidth());
  }

  @Test
  void remainingNeverNegative() {
    assertEquals(728, new LimitShare(1_772, 2_500).remainingTokens());
    assertEquals(0, new LimitShare(5_000, 2_500).remainingTokens());
  }

  @Test
  void zeroLimitRejected() {
    assertThrows(IllegalArgumentException.class, () -> new LimitShare(10, 0));
  }
}
