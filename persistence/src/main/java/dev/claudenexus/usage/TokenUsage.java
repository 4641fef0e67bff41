package dev.claudenexus.usage;

/**
 * Token counts of one Anthropic response, as the API reports them in its {@code usage} object.
 *
 * <p>{@code inputTokens} excludes cached tokens: cache reads and cache writes are counted separately,
 * and the 5-minute and 1-hour figures break {@code cacheCreationInputTokens} down by cache lifetime
 * when the response carries that breakdown (both are 0 otherwise).
 */
public record TokenUsage(
    long inputTokens,
    long outputTokens,
    long cacheCreationInputTokens,
    long cacheReadInputTokens,
    long cacheCreation5mInputTokens,
    long cacheCreation1hInputTokens) {

  /** Usage of a response that reported none. */
  public static final TokenUsage NONE = new TokenUsage(0, 0, 0, 0, 0, 0);

  /** Returns input plus output tokens, the original product's definition of a request's total. */
  public long totalTokens() {
    return inputTokens + outputTokens;
  }
}
