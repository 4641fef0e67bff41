package dev.claudenexus.api.tokenusage;

import java.time.Duration;

/** The rate-limit window the token-usage views measure against. */
final class UsageLimits {

  /**
   * Output tokens per 5-hour window that the views count as 100 %. It is the original product's
   * fixed figure; Anthropic does not publish the real limit, which depends on the plan.
   * NOTE: the JSON API always reports this figure, while the dashboard pages use {@link
   * TokenLimits}, which also reads credential files and TOKEN_LIMIT_5H.
   */
  static final long TOKEN_LIMIT = 140_000;

  /** Length of Anthropic's rolling rate-limit window. */
  static final Duration WINDOW = Duration.ofHours(5);

  private UsageLimits() {}

  static long remaining(long outputTokens) {
    return Math.max(0, TOKEN_LIMIT - outputTokens);
  }

  /** Returns the share of the limit used, in percent with two decimals. */
  static double percentageUsed(long outputTokens) {
    return Math.round(outputTokens * 10_000.0 / TOKEN_LIMIT) / 100.0;
  }
}
