package dev.claudenexus.api.spark;

import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Settings of the Spark API client.
 *
 * @param baseUrl {@code SPARK_API_URL}, without a trailing slash (default
 *     {@code http://localhost:8000})
 * @param apiKey {@code SPARK_API_KEY}, sent as {@code Authorization: Bearer}; Spark is configured
 *     only when it is set
 */
public record SparkSettings(URI baseUrl, Optional<String> apiKey) {

  static final String DEFAULT_URL = "http://localhost:8000";
  private static volatile SparkSettings current;

  /** Returns the settings of this application, read from its configuration on first use. */
  public static SparkSettings current() {
    SparkSettings settings = current;
    if (settings == null) {
      settings = from(ConfigProvider.getConfig());
      current = settings;
    }
    return settings;
  }

  /**
   * Reads the settings.
   *
   * @throws IllegalArgumentException when {@code SPARK_API_URL} is not an http or https URL
   */
  public static SparkSettings from(Config config) {
    String url = config.getOptionalValue("SPARK_API_URL", String.class).map(String::strip)
        .filter(v -> !v.isEmpty()).orElse(DEFAULT_URL);
    URI base;
    try {
      base = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    } catch (IllegalArgumentException e) {
      base = null;
    }
    if (base == null || base.getHost() == null
        || !("http".equals(base.getScheme()) || "https".equals(base.getScheme()))) {
      throw new IllegalArgumentException("SPARK_API_URL must be an http or https URL such as "
          + DEFAULT_URL + ", not \"" + url + "\"");
    }
    Optional<String> key = config.getOptionalValue("SPARK_API_KEY", String.class).map(String::strip)
        .filter(v -> !v.isEmpty());
    return new SparkSettings(base, key);
  }

  /** Returns whether Spark is configured, which needs the key. */
  public boolean configured() {
    return apiKey.isPresent();
  }

  @Override
  public String toString() {
    return "SparkSettings[" + baseUrl + (apiKey.isPresent() ? ", key set]" : ", no key]");
  }
}
