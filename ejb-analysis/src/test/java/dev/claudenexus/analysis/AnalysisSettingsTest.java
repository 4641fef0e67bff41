package dev.claudenexus.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.Test;

class AnalysisSettingsTest {

  /** A configuration of fixed string values. */
  private record MapConfig(Map<String, String> values) implements Config {
    @Override
    public <T> T getValue(String name, Class<T> type) {
      return getOptionalValue(name, type).orElseThrow();
    }

    @Override
    public ConfigValue getConfigValue(String name) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
      return Optional.ofNullable(values.get(name)).map(type::cast);
    }

    @Override
    public Iterable<String> getPropertyNames() {
      return values.keySet();
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
      return Set.of();
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> type) {
      return Optional.empty();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
      throw new UnsupportedOperationException();
    }
  }

  private static AnalysisSettings read(Map<String, String> values) {
    return AnalysisSettings.from(new MapConfig(values));
  }

  @Test
  void defaultsMatchOriginal() {
    AnalysisSettings settings = read(Map.of());

    assertThat(settings.workerEnabled()).isFalse();
    assertThat(settings.pollInterval()).isEqualTo(Duration.ofMillis(5000));
    assertThat(settings.maxConcurrentJobs()).isEqualTo(3);
    assertThat(settings.maxRetries()).isEqualTo(3);
    assertThat(settings.geminiModel()).isEqualTo("gemini-2.5-pro");
    assertThat(settings.geminiUrl().toString())
        .isEqualTo("https://generativelanguage.googleapis.com/v1beta/models");
    assertThat(settings.maxPromptTokens()).isEqualTo(855_000);
    assertThat(settings.maxCostPerDay()).isEmpty();
    assertThat(settings.creationPerMinute()).isEqualTo(15);
    assertThat(settings.retrievalPerMinute()).isEqualTo(100);
  }

  @Test
  void invalidValuesRejectedWithName() {
    List<Map<String, String>> invalid = List.of(
        Map.of("AI_WORKER_ENABLED", "yes"),
        Map.of("AI_WORKER_POLL_INTERVAL_MS", "fast"),
        Map.of("AI_WORKER_MAX_CONCURRENT_JOBS", "0"),
        Map.of("AI_ANALYSIS_MAX_RETRIES", "99999999999"),
        Map.of("GEMINI_API_KEY", "key with spaces"),
        Map.of("GEMINI_API_KEY", "\"quoted\""),
        Map.of("GEMINI_API_URL", "ftp://example.com"),
        Map.of("GEMINI_API_URL", "not a url"),
        Map.of("AI_ANALYSIS_MAX_COST_USD_PER_DAY", "-1"),
        Map.of("AI_ANALYSIS_MAX_COST_USD_PER_DAY", "ten"));
    for (Map<String, String> values : invalid) {
      String name = values.keySet().iterator().next();

      assertThatThrownBy(() -> read(values)).as(values.toString())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(name);
    }
  }

  @Test
  void trailingSlashOfUrlDropped() {
    AnalysisSettings settings = read(Map.of("GEMINI_API_URL", "http://127.0.0.1:9/v1beta/models/",
        "AI_ANALYSIS_MAX_COST_USD_PER_DAY", "2.50"));

    assertThat(settings.geminiUrl().toString()).isEqualTo("http://127.0.0.1:9/v1beta/models");
    assertThat(settings.maxCostPerDay()).hasValueSatisfying(cap -> assertThat(cap).isEqualByComparingTo("2.5"));
  }
}
