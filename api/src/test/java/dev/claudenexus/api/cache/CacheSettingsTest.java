package dev.claudenexus.api.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CacheSettingsTest {

  @Test
  void defaultIsThirtySeconds() {
    CacheSettings settings = CacheSettings.parse(Optional.empty());

    assertThat(settings.timeToLive()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.enabled()).isTrue();
  }

  @Test
  void zeroTurnsTheCacheOff() {
    assertThat(CacheSettings.parse(Optional.of(" 0 ")).enabled())
        .isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "86401", "30s", "", "1e3", "99999999999"})
  void invalidValueNamesTheVariable(String value) {
    assertThatThrownBy(() -> CacheSettings.parse(Optional.of(value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DASHBOARD_CACHE_TTL")
        .hasMessageContaining("\"" + value.strip() + "\"");
  }
}
