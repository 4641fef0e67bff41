package dev.claudenexus.proxy;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Builds {@link ProxySettings} for tests without a container, from setting names and values. */
public final class TestSettings {

  private static final Map<String, String> FIELDS = Map.ofEntries(
      Map.entry("CLAUDE_API_BASE_URL", "upstreamBaseUrl"),
      Map.entry("CLAUDE_API_TIMEOUT", "upstreamTimeoutMs"),
      Map.entry("STREAM_IDLE_TIMEOUT_MS", "streamIdleTimeoutMs"),
      Map.entry("MAX_REQUEST_SIZE", "maxRequestBytes"),
      Map.entry("UPSTREAM_MAX_ATTEMPTS", "maxAttempts"),
      Map.entry("UPSTREAM_RETRY_BASE_DELAY_MS", "retryBaseDelayMs"),
      Map.entry("UPSTREAM_RETRY_BUDGET_MS", "retryBudgetMs"),
      Map.entry("ENABLE_CLIENT_AUTH", "clientAuthEnabled"),
      Map.entry("CREDENTIALS_DIR", "credentialsDirectory"),
      Map.entry("STORE_STREAMING_CHUNKS", "storeStreamingChunks"),
      Map.entry("API_KEY_SALT", "apiKeySalt"),
      Map.entry("CLAUDE_OAUTH_TOKEN_URL", "oauthTokenUrl"),
      Map.entry("CLAUDE_OAUTH_CLIENT_ID", "oauthClientId"),
      Map.entry("SLACK_USERNAME", "slackUsername"),
      Map.entry("SLACK_ICON_EMOJI", "slackIconEmoji"),
      Map.entry("TELEMETRY_ENABLED", "telemetryEnabled"),
      Map.entry("COLLECT_TEST_SAMPLES", "collectTestSamples"),
      Map.entry("TEST_SAMPLES_DIR", "testSamplesDirectory"),
      Map.entry("DEBUG", "debug"),
      Map.entry("CLIENT_SETUP_DIR", "clientSetupDirectory"));

  /** Settings held as {@code Optional} fields, set after the others. */
  private static final Set<String> OPTIONAL_SETTINGS =
      Set.of("SLACK_WEBHOOK_URL", "SLACK_ENABLED", "SLACK_CHANNEL", "TELEMETRY_ENDPOINT");

  private TestSettings() {}

  /** Returns settings with the product defaults, overridden by {@code values}. */
  public static ProxySettings create(Map<String, String> values) {
    ProxySettings settings = new ProxySettings();
    set(settings, "upstreamBaseUrl", "https://api.anthropic.com");
    set(settings, "upstreamTimeoutMs", "600000");
    set(settings, "streamIdleTimeoutMs", "0");
    set(settings, "maxRequestBytes", "33554432");
    set(settings, "maxAttempts", "3");
    set(settings, "retryBaseDelayMs", "1000");
    set(settings, "retryBudgetMs", "60000");
    set(settings, "clientAuthEnabled", "true");
    set(settings, "credentialsDirectory", "credentials");
    set(settings, "storeStreamingChunks", "false");
    set(settings, "apiKeySalt", "claude-nexus-proxy");
    set(settings, "oauthTokenUrl", "http://127.0.0.1:9/v1/oauth/token");
    set(settings, "oauthClientId", "test-client-id");
    set(settings, "slackUsername", "Claude Nexus Proxy");
    set(settings, "slackIconEmoji", ":robot_face:");
    set(settings, "telemetryEnabled", "true");
    set(settings, "collectTestSamples", "false");
    set(settings, "testSamplesDirectory", "test-samples");
    set(settings, "debug", "false");
    set(settings, "clientSetupDirectory", "client-setup");

    values.forEach((name, value) -> {
      if (FIELDS.containsKey(name)) {
        set(settings, FIELDS.get(name), value);
      } else if (!OPTIONAL_SETTINGS.contains(name)) {
        throw new IllegalArgumentException("Unknown setting " + name);
      }
    });

    settings.dashboardApiKey = Optional.empty();
    settings.internalApiKey = Optional.empty();
    settings.slackWebhookUrl = optional(values.get("SLACK_WEBHOOK_URL"));
    settings.slackEnabled = optional(values.get("SLACK_ENABLED")).map(Boolean::parseBoolean);
    settings.slackChannel = optional(values.get("SLACK_CHANNEL"));
    settings.telemetryEndpoint = optional(values.get("TELEMETRY_ENDPOINT"));
    return settings;
  }

  private static Optional<String> optional(String value) {
    return Optional.ofNullable(value);
  }

  private static void set(ProxySettings settings, String fieldName, String value) {
    try {
      Field field = ProxySettings.class.getDeclaredField(fieldName);
      field.setAccessible(true);
      Class<?> type = field.getType();
      if (type == long.class) {
        field.setLong(settings, Long.parseLong(value));
      } else if (type == int.class) {
        field.setInt(settings, Integer.parseInt(value));
      } else if (type == boolean.class) {
        field.setBoolean(settings, Boolean.parseBoolean(value));
      } else {
        field.set(settings, value);
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("Unknown setting field " + fieldName, e);
    }
  }
}
