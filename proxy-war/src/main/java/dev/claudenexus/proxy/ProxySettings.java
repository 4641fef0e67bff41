package dev.claudenexus.proxy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The proxy's settings, read once from MicroProfile Config under the original product's environment
 * variable names. The README's configuration table documents each one with its unit and default.
 */
@ApplicationScoped
public class ProxySettings {

  @Inject
  @ConfigProperty(name = "CLAUDE_API_BASE_URL", defaultValue = "https://api.anthropic.com")
  String upstreamBaseUrl;

  private volatile URI parsedUpstreamBaseUrl;

  @Inject
  @ConfigProperty(name = "CLAUDE_API_TIMEOUT", defaultValue = "600000")
  long upstreamTimeoutMs;

  @Inject
  @ConfigProperty(name = "STREAM_IDLE_TIMEOUT_MS", defaultValue = "0")
  long streamIdleTimeoutMs;

  @Inject
  @ConfigProperty(name = "MAX_REQUEST_SIZE", defaultValue = "33554432")
  long maxRequestBytes;

  @Inject
  @ConfigProperty(name = "UPSTREAM_MAX_ATTEMPTS", defaultValue = "3")
  int maxAttempts;

  @Inject
  @ConfigProperty(name = "UPSTREAM_RETRY_BASE_DELAY_MS", defaultValue = "1000")
  long retryBaseDelayMs;

  @Inject
  @ConfigProperty(name = "UPSTREAM_RETRY_BUDGET_MS", defaultValue = "60000")
  long retryBudgetMs;

  @Inject
  @ConfigProperty(name = "ENABLE_CLIENT_AUTH", defaultValue = "true")
  boolean clientAuthEnabled;

  @Inject
  @ConfigProperty(name = "CREDENTIALS_DIR", defaultValue = "credentials")
  String credentialsDirectory;

  @Inject
  @ConfigProperty(name = "STORE_STREAMING_CHUNKS", defaultValue = "false")
  boolean storeStreamingChunks;

  @Inject
  @ConfigProperty(name = "API_KEY_SALT", defaultValue = "claude-nexus-proxy")
  String apiKeySalt;

  @Inject
  @ConfigProperty(name = "CLAUDE_OAUTH_TOKEN_URL", defaultValue = "https://console.anthropic.com/v1/oauth/token")
  String oauthTokenUrl;

  /** Public client id of the Claude CLI, which issued the OAuth tokens that credential files hold. */
  @Inject
  @ConfigProperty(name = "CLAUDE_OAUTH_CLIENT_ID", defaultValue = "9d1c250a-e61b-44d9-88ed-5944d1962f5e")
  String oauthClientId;

  @Inject
  @ConfigProperty(name = "OAUTH_TOKEN_ENCRYPTION_KEY")
  Optional<String> oauthTokenEncryptionKey;

  @Inject
  @ConfigProperty(name = "DASHBOARD_API_KEY")
  Optional<String> dashboardApiKey;

  @Inject
  @ConfigProperty(name = "INTERNAL_API_KEY")
  Optional<String> internalApiKey;

  @Inject
  @ConfigProperty(name = "SLACK_WEBHOOK_URL")
  Optional<String> slackWebhookUrl;

  @Inject
  @ConfigProperty(name = "SLACK_ENABLED")
  Optional<Boolean> slackEnabled;

  @Inject
  @ConfigProperty(name = "SLACK_CHANNEL")
  Optional<String> slackChannel;

  @Inject
  @ConfigProperty(name = "SLACK_USERNAME", defaultValue = "Claude Nexus Proxy")
  String slackUsername;

  @Inject
  @ConfigProperty(name = "SLACK_ICON_EMOJI", defaultValue = ":robot_face:")
  String slackIconEmoji;

  @Inject
  @ConfigProperty(name = "TELEMETRY_ENDPOINT")
  Optional<String> telemetryEndpoint;

  @Inject
  @ConfigProperty(name = "TELEMETRY_ENABLED", defaultValue = "true")
  boolean telemetryEnabled;

  @Inject
  @ConfigProperty(name = "COLLECT_TEST_SAMPLES", defaultValue = "false")
  boolean collectTestSamples;

  @Inject
  @ConfigProperty(name = "TEST_SAMPLES_DIR", defaultValue = "test-samples")
  String testSamplesDirectory;

  @Inject
  @ConfigProperty(name = "DEBUG", defaultValue = "false")
  boolean debug;

  @Inject
  @ConfigProperty(name = "CLIENT_SETUP_DIR", defaultValue = "client-setup")
  String clientSetupDirectory;

  /** Returns the base URL of the Anthropic API, without a trailing slash. */
  public URI upstreamBaseUrl() {
    // Parsed once: every forwarded request reads it.
    URI parsed = parsedUpstreamBaseUrl;
    if (parsed == null) {
      String base = upstreamBaseUrl.strip();
      parsed = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
      parsedUpstreamBaseUrl = parsed;
    }
    return parsed;
  }

  /** Returns how long to wait for upstream response headers. */
  public Duration upstreamTimeout() {
    return Duration.ofMillis(Math.max(1, upstreamTimeoutMs));
  }

  /** Returns the longest silence allowed inside a stream, or zero for no limit. */
  public Duration streamIdleTimeout() {
    return Duration.ofMillis(Math.max(0, streamIdleTimeoutMs));
  }

  public long maxRequestBytes() {
    return maxRequestBytes;
  }

  public int maxAttempts() {
    return Math.max(1, maxAttempts);
  }

  public Duration retryBaseDelay() {
    return Duration.ofMillis(Math.max(0, retryBaseDelayMs));
  }

  /** Returns the total time retries may take, measured from the first attempt. */
  public Duration retryBudget() {
    return Duration.ofMillis(Math.max(0, retryBudgetMs));
  }

  public boolean clientAuthEnabled() {
    return clientAuthEnabled;
  }

  /**
   * Returns the credentials directory. A relative path is resolved against the working directory,
   * and a leading {@code ~} against the user's home, as the original does.
   */
  public Path credentialsDirectory() {
    String dir = credentialsDirectory.strip();
    if (dir.startsWith("~")) {
      dir = System.getProperty("user.home") + dir.substring(1);
    }
    return Path.of(dir).toAbsolutePath().normalize();
  }

  public boolean storeStreamingChunks() {
    return storeStreamingChunks;
  }

  public String apiKeySalt() {
    return apiKeySalt;
  }

  /** Returns the token endpoint where OAuth refresh tokens are exchanged. */
  public URI oauthTokenUrl() {
    return URI.create(oauthTokenUrl.strip());
  }

  public String oauthClientId() {
    return oauthClientId;
  }

  /** Returns the Base64 key that encrypts OAuth tokens stored in the database, if one is set. */
  public Optional<String> oauthTokenEncryptionKey() {
    return oauthTokenEncryptionKey == null ? Optional.empty() : oauthTokenEncryptionKey.filter(k -> !k.isBlank());
  }

  /** Returns the global Slack webhook URL as configured (not yet checked), if one is set. */
  public Optional<String> slackWebhookUrl() {
    return nonBlank(slackWebhookUrl);
  }

  /** Returns whether global Slack messages are on: {@code SLACK_ENABLED}, by default true iff a webhook is set. */
  public boolean slackEnabled() {
    return slackEnabled.orElse(slackWebhookUrl().isPresent());
  }

  public Optional<String> slackChannel() {
    return nonBlank(slackChannel);
  }

  public String slackUsername() {
    return slackUsername;
  }

  public String slackIconEmoji() {
    return slackIconEmoji;
  }

  /** Returns the telemetry URL when telemetry is enabled and an endpoint is set. */
  public Optional<String> telemetryEndpoint() {
    return telemetryEnabled ? nonBlank(telemetryEndpoint) : Optional.empty();
  }

  /** Returns the directory that test samples are written to, when collecting them is on. */
  public Optional<Path> testSamplesDirectory() {
    return collectTestSamples ? Optional.of(resolve(testSamplesDirectory)) : Optional.empty();
  }

  /** Returns whether requests, responses and stream events are logged, with secrets masked. */
  public boolean debug() {
    return debug;
  }

  /** Returns the directory that {@code GET /client-setup/{file}} serves. */
  public Path clientSetupDirectory() {
    return resolve(clientSetupDirectory);
  }

  private static Path resolve(String directory) {
    return Path.of(directory.strip()).toAbsolutePath().normalize();
  }

  private static Optional<String> nonBlank(Optional<String> value) {
    return value.map(String::strip).filter(v -> !v.isEmpty());
  }

  /** Returns the dashboard key that protects operator endpoints, if one is configured. */
  public Optional<String> dashboardKey() {
    return dashboardApiKey.filter(k -> !k.isBlank()).or(() -> internalApiKey.filter(k -> !k.isBlank()));
  }
}
