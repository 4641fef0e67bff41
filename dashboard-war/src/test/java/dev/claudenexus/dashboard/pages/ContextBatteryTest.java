package dev.claudenexus.dashboard.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudenexus.pricing.ContextLimit;
import org.junit.jupiter.api.Test;

class ContextBatteryTest {

  private static ContextBattery battery(long tokens) {
    return new ContextBattery(tokens, new ContextLimit(200_000, false));
  }

  @Test
  void upToSeventyPercentIsOk() {
    assertThat(battery(0).level()).isEqualTo(ContextBattery.Level.OK);
    assertThat(battery(140_000).level()).isEqualTo(ContextBattery.Level.OK);
  }

  @Test
  void aboveSeventyUpToNinetyIsWarn() {
    assertThat(battery(140_001).level()).isEqualTo(ContextBattery.Level.WARN);
    assertThat(battery(180_000).level()).isEqualTo(ContextBattery.Level.WARN);
  }

  @Test
  void aboveNinetyPercentIsBad() {
    assertThat(battery(180_001).level()).isEqualTo(ContextBattery.Level.BAD);
    assertThat(battery(400_000).level()).isEqualTo(ContextBattery.Level.BAD);
  }

  @Test
  void fillStopsAtFullWidth() {
    assertThat(battery(100_000).fillPercent()).isEqualTo(50);
    assertThat(battery(400_000).fillPercent()).isEqualTo(100);
    assertThat(battery(400_000).percent()).isEqualTo(200.0);
  }

  @Test
  void labelShowsDecimalBelowTenPercent() {
    assertThat(battery(5_230).label()).isEqualTo("2.6 %");
    assertThat(battery(146_000).label()).isEqualTo("73 %");
  }

  @Test
  void descriptionMarksEstimatedWindow() {
    ContextBattery estimated = new ContextBattery(26_158, new ContextLimit(1_000_000, true));

    assertThat(battery(1_000).description()).isEqualTo("1,000 of 200,000 tokens");
    assertThat(estimated.description())
        .isEqualTo("26,158 of 1,000,000 tokens (estimated context window)");
  }

  @Test
  void cssClassNamesLevel() {
    assertThat(ContextBattery.Level.WARN.cssClass()).isEqualTo("battery-warn");
  }

  @Test
  void zeroWindowCountsAsEmpty() {
    ContextBattery battery = new ContextBattery(10, new ContextLimit(0, true));

    assertThat(battery.percent()).isZero();
    assertThat(battery.level()).isEqualTo(ContextBattery.Level.OK);
  }
}
