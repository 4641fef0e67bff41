package dev.claudenexus.api.cache;

import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Settings of the response cache.
 *
 * @param timeToLive {@code DASHBOARD_CACHE_TTL} in seconds: how long a response is kept at most;
 *     zero turns the cache off
 * @param maxBytes the memory the cached responses may take together
 * @param maxEntryBytes the largest response that is kept
 */
public record CacheSettings(Duration timeToLive, long maxBytes, int maxEntryBytes) {

  static final int DEFAULT_TTL_SECONDS = 30;
  static final int MAX_TTL_SECONDS = 86_400;
  static final long MAX_BYTES = 32L << 20;
  static final int MAX_ENTRY_BYTES = 4 << 20;

  /** Returns whether responses are cached at all. */
  public boolean enabled() {
    return !timeToLive.isZero();
  }

  /** Reads the settings from the configuration; see {@link #parse}. */
  public static CacheSettings from(Config config) {
    return parse(config.getOptionalValue("DASHBOARD_CACHE_TTL", String.class));
  }

  /**
   * Builds the settings from the value of {@code DASHBOARD_CACHE_TTL}, if it is set.
   *
   * @throws IllegalArgumentException when it is not a whole number of seconds from 0 to 86400
   */
  static CacheSettings parse(Optional<String> timeToLive) {
    String text = timeToLive.map(String::strip).orElse(Integer.toString(DEFAULT_TTL_SECONDS));
    int seconds;
    try {
      seconds = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      seconds = -1;
    }
    if (seconds < 0 || seconds > MAX_TTL_SECONDS) {
      throw new IllegalArgumentException("DASHBOARD_CACHE_TTL must be a number of seconds from 0"
          + " (no cache) to " + MAX_TTL_SECONDS + ", not \"" + text + "\"");
    }
    return new CacheSettings(Duration.ofSeconds(seconds), MAX_BYTES, MAX_ENTRY_BYTES);
  }
}
