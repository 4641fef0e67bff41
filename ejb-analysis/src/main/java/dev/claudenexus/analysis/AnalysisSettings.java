package dev.claudenexus.analysis;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Settings of the analysis worker, the Gemini client and the analysis API, read once from
 * MicroProfile Config under the original product's names.
 *
 * @param workerEnabled {@code AI_WORKER_ENABLED}: run the worker in this process (the proxy only)
 * @param pollInterval {@code AI_WORKER_POLL_INTERVAL_MS}: how often the worker looks for work
 * @param maxConcurrentJobs {@code AI_WORKER_MAX_CONCURRENT_JOBS}: analyses in flight per instance
 * @param jobTimeout {@code AI_WORKER_JOB_TIMEOUT_MINUTES}: age of a {@code processing} row that the
 *     watchdog puts back to {@code pending}
 * @param maxRetries {@code AI_ANALYSIS_MAX_RETRIES}: attempts before an analysis fails for good
 * @param requestTimeout {@code AI_ANALYSIS_GEMINI_REQUEST_TIMEOUT_MS}: limit of one model call
 * @param geminiKey {@code GEMINI_API_KEY}
 * @param geminiUrl {@code GEMINI_API_URL}: base URL of the models, without a trailing slash
 * @param geminiModel {@code GEMINI_MODEL_NAME}
 * @param creationPerMinute {@code AI_ANALYSIS_RATE_LIMIT_CREATION}: analysis requests per minute and
 *     domain; 0 turns the limit off
 * @param retrievalPerMinute {@code AI_ANALYSIS_RATE_LIMIT_RETRIEVAL}: reads per minute and domain
 * @param maxPromptTokens {@code AI_MAX_PROMPT_TOKENS}: estimated tokens of the conversation sent
 * @param headMessages {@code AI_HEAD_MESSAGES}: first turns kept when a conversation is truncated
 * @param tailMessages {@code AI_TAIL_MESSAGES}: last turns kept when a conversation is truncated
 * @param maxCostPerDay {@code AI_ANALYSIS_MAX_COST_USD_PER_DAY}: USD that the analyses completed
 *     since midnight UTC may cost; empty means no cap
 * @param inputPricePerMillion {@code AI_ANALYSIS_INPUT_PRICE_PER_MTOK}: USD per million prompt tokens
 * @param outputPricePerMillion {@code AI_ANALYSIS_OUTPUT_PRICE_PER_MTOK}: USD per million output
 *     tokens
 */
public record AnalysisSettings(
    boolean workerEnabled,
    Duration pollInterval,
    int maxConcurrentJobs,
    Duration jobTimeout,
    int maxRetries,
    Duration requestTimeout,
    Optional<String> geminiKey,
    URI geminiUrl,
    String geminiModel,
    int creationPerMinute,
    int retrievalPerMinute,
    int maxPromptTokens,
    int headMessages,
    int tailMessages,
    Optional<BigDecimal> maxCostPerDay,
    BigDecimal inputPricePerMillion,
    BigDecimal outputPricePerMillion) {

  /** Budget of the original: 95 % of 900,000 tokens, a margin for the tokenizer's estimate. */
  public static final int DEFAULT_MAX_PROMPT_TOKENS = 855_000;

  private static final Pattern GEMINI_KEY = Pattern.compile("[A-Za-z0-9_-]+");
  private static volatile AnalysisSettings current;

  /** Returns the settings of this application, read on first use. */
  public static AnalysisSettings current() {
    AnalysisSettings settings = current;
    if (settings == null) {
      settings = from(ConfigProvider.getConfig());
      current = settings;
    }
    return settings;
  }

  /**
   * Reads the settings.
   *
   * @throws IllegalArgumentException naming the setting and the expected value when one is invalid
   */
  public static AnalysisSettings from(Config config) {
    Reader read = new Reader(config);
    Optional<String> key = read.text("GEMINI_API_KEY");
    key.ifPresent(value -> {
      if (!GEMINI_KEY.matcher(value).matches()) {
        throw new IllegalArgumentException("GEMINI_API_KEY must contain only letters, digits, '_' and"
            + " '-'; check that the value is the key alone, without quotes or spaces");
      }
    });
    String url = read.text("GEMINI_API_URL")
        .orElse("https://generativelanguage.googleapis.com/v1beta/models");
    return new AnalysisSettings(
        read.bool("AI_WORKER_ENABLED"),
        Duration.ofMillis(read.integer("AI_WORKER_POLL_INTERVAL_MS", 5000, 100, 3_600_000)),
        read.integer("AI_WORKER_MAX_CONCURRENT_JOBS", 3, 1, 64),
        Duration.ofMinutes(read.integer("AI_WORKER_JOB_TIMEOUT_MINUTES", 5, 1, 1440)),
        read.integer("AI_ANALYSIS_MAX_RETRIES", 3, 1, 100),
        Duration.ofMillis(read.integer("AI_ANALYSIS_GEMINI_REQUEST_TIMEOUT_MS", 60_000, 100, 3_600_000)),
        key,
        baseUrl(url),
        read.text("GEMINI_MODEL_NAME").orElse("gemini-2.5-pro"),
        read.integer("AI_ANALYSIS_RATE_LIMIT_CREATION", 15, 0, 1_000_000),
        read.integer("AI_ANALYSIS_RATE_LIMIT_RETRIEVAL", 100, 0, 1_000_000),
        read.integer("AI_MAX_PROMPT_TOKENS", DEFAULT_MAX_PROMPT_TOKENS, 1_000, 10_000_000),
        read.integer("AI_HEAD_MESSAGES", 5, 0, 1000),
        read.integer("AI_TAIL_MESSAGES", 20, 1, 1000),
        read.decimal("AI_ANALYSIS_MAX_COST_USD_PER_DAY"),
        read.decimal("AI_ANALYSIS_INPUT_PRICE_PER_MTOK").orElse(new BigDecimal("1.25")),
        read.decimal("AI_ANALYSIS_OUTPUT_PRICE_PER_MTOK").orElse(new BigDecimal("10.00")));
  }

  private static URI baseUrl(String value) {
    String trimmed = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    URI uri;
    try {
      uri = URI.create(trimmed);
    } catch (IllegalArgumentException e) {
      uri = null;
    }
    if (uri == null || uri.getHost() == null
        || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
      throw new IllegalArgumentException("GEMINI_API_URL must be an http:// or https:// URL, such as"
          + " https://generativelanguage.googleapis.com/v1beta/models");
    }
    return uri;
  }

  /** Reads typed values and names the setting in every error. */
  private record Reader(Config config) {

    Optional<String> text(String name) {
      return config.getOptionalValue(name, String.class).map(String::strip).filter(v -> !v.isEmpty());
    }

    boolean bool(String name) {
      String value = text(name).orElse("false");
      if (!value.equals("true") && !value.equals("false")) {
        throw new IllegalArgumentException(name + " must be true or false, not \"" + value + "\"");
      }
      return value.equals("true");
    }

    int integer(String name, int fallback, int min, int max) {
      Optional<String> value = text(name);
      if (value.isEmpty()) {
        return fallback;
      }
      try {
        int parsed = Integer.parseInt(value.get());
        if (parsed >= min && parsed <= max) {
          return parsed;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max
          + ", not \"" + value.get() + "\"");
    }

    Optional<BigDecimal> decimal(String name) {
      Optional<String> value = text(name);
      if (value.isEmpty()) {
        return Optional.empty();
      }
      try {
        BigDecimal parsed = new BigDecimal(value.get());
        if (parsed.signum() >= 0) {
          return Optional.of(parsed);
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException(name + " must be an amount in USD of 0 or more, such as 5.00,"
          + " not \"" + value.get() + "\"");
    }
  }
}
