package dev.claudenexus.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void delayGrowsToMaximum() {
    assertThat(Backoff.delay(0, () -> 0)).isEqualTo(Duration.ZERO);
    assertThat(Backoff.delay(1, () -> 0)).isEqualTo(Duration.ofMillis(1000));
    assertThat(Backoff.delay(2, () -> 0)).isEqualTo(Duration.ofMillis(2500));
    assertThat(Backoff.delay(3, () -> 0)).isEqualTo(Duration.ofMillis(6250));
    assertThat(Backoff.delay(9, () -> 0)).isEqualTo(Duration.ofMillis(15_000));
  }

  @Test
  void jitterAddsAtMostThirtyPercent() {
    assertThat(Backoff.delay(1, () -> 0.999_999)).isEqualTo(Duration.ofMillis(1300));
  }
}
