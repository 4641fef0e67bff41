package dev.claudenexus.api.access;

import dev.claudenexus.config.SsoSettings;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Access settings of {@code /api/*}, read once per application from MicroProfile Config.
 *
 * @param dashboardKey {@code DASHBOARD_API_KEY}, or its older name {@code INTERNAL_API_KEY}; empty
 *     means read-only mode
 * @param corsOrigins {@code CORS_ORIGIN}: comma-separated origins allowed to call the API from a
 *     browser; {@code *} allows every origin, but then without credentials
 * @param readRequestsPerMinute {@code DASHBOARD_READ_RATE_LIMIT}: reads per minute and client in
 *     read-only mode; 0 turns the limit off
 * @param trustedProxies {@code TRUSTED_PROXIES}: addresses whose {@code X-Forwarded-For} names the
 *     client
 * @param keyFailuresPerMinute {@code DASHBOARD_KEY_FAILURE_LIMIT}: wrong dashboard keys per minute
 *     and client before further keys of that client get 429; 0 turns the limit off
 * @param singleSignOn whether {@code OIDC_ISSUER_URI} turns single sign-on on, which also ends
 *     read-only mode
 */
public record AccessSettings(
    Optional<String> dashboardKey,
    Set<String> corsOrigins,
    int readRequestsPerMinute,
    Set<String> trustedProxies,
    int keyFailuresPerMinute,
    boolean singleSignOn) {

  static final int DEFAULT_READ_REQUESTS_PER_MINUTE = 100;
  static final int DEFAULT_KEY_FAILURES_PER_MINUTE = 10;
  /** Dashboard keys shorter than this are accepted with a warning, as guessable. */
  static final int MIN_KEY_CHARS = 16;

  private static volatile AccessSettings current;

  /** Returns the settings of this application, read from its configuration on first use. */
  public static AccessSettings current() {
    AccessSettings settings = current;
    if (settings == null) {
      settings = from(ConfigProvider.getConfig());
      current = settings;
    }
    return settings;
  }

  /**
   * Reads the settings.
   *
   * @throws IllegalArgumentException when {@code DASHBOARD_READ_RATE_LIMIT} or {@code
   *     DASHBOARD_KEY_FAILURE_LIMIT} is not a number of 0 or more, or an {@code OIDC_*} setting is
   *     invalid
   */
  public static AccessSettings from(Config config) {
    Optional<String> key = config.getOptionalValue("DASHBOARD_API_KEY", String.class)
        .or(() -> config.getOptionalValue("INTERNAL_API_KEY", String.class))
        .map(String::strip)
        .filter(value -> !value.isEmpty());
    int perMinute = perMinute(config, "DASHBOARD_READ_RATE_LIMIT", DEFAULT_READ_REQUESTS_PER_MINUTE,
        "requests");
    int keyFailures = perMinute(config, "DASHBOARD_KEY_FAILURE_LIMIT",
        DEFAULT_KEY_FAILURES_PER_MINUTE, "wrong keys");
    boolean singleSignOn =
        SsoSettings.from(name -> config.getOptionalValue(name, String.class)).isPresent();
    return new AccessSettings(key, list(config, "CORS_ORIGIN"), perMinute,
        list(config, "TRUSTED_PROXIES"), keyFailures, singleSignOn);
  }

  private static int perMinute(Config config, String name, int defaultValue, String unit) {
    String limit = config.getOptionalValue(name, String.class)
        .map(String::strip).orElse(Integer.toString(defaultValue));
    int perMinute;
    try {
      perMinute = Integer.parseInt(limit);
    } catch (NumberFormatException e) {
      perMinute = -1;
    }
    if (perMinute < 0) {
      throw new IllegalArgumentException(name + " must be a number of " + unit + " per minute"
          + " (0 turns the limit off), not \"" + limit + "\"");
    }
    return perMinute;
  }

  /**
   * Returns a warning when the dashboard key is shorter than {@value #MIN_KEY_CHARS} characters,
   * which someone who can reach the port could guess; it never contains the key.
   */
  public Optional<String> shortKeyWarning() {
    return dashboardKey.filter(key -> key.length() < MIN_KEY_CHARS)
        .map(key -> "DASHBOARD_API_KEY has " + key.length() + " characters, fewer than "
            + MIN_KEY_CHARS + ", so it can be guessed. Set a random key of 32 characters or more,"
            + " for example from: openssl rand -hex 24");
  }

  /**
   * Returns whether the API runs in read-only mode: neither a dashboard key nor single sign-on is
   * configured.
   */
  public boolean readOnly() {
    return dashboardKey.isEmpty() && !singleSignOn;
  }

  private static Set<String> list(Config config, String name) {
    return config.getOptionalValue(name, String.class)
        .map(value -> Arrays.stream(value.split(","))
            .map(String::strip)
            .filter(item -> !item.isEmpty())
            .collect(Collectors.toUnmodifiableSet()))
        .orElse(Set.of());
  }
}
