package dev.claudenexus.pricing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Prices of one model, each in USD per million tokens.
 *
 * @param input uncached input tokens
 * @param output output tokens
 * @param cacheRead input tokens read from the prompt cache
 * @param cacheWrite5m input tokens written to the prompt cache with a 5-minute lifetime
 * @param cacheWrite1h input tokens written to the prompt cache with a 1-hour lifetime
 */
public record ModelPrice(
    BigDecimal input,
    BigDecimal output,
    BigDecimal cacheRead,
    BigDecimal cacheWrite5m,
    BigDecimal cacheWrite1h) {

  public ModelPrice {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(cacheRead, "cacheRead");
    Objects.requireNonNull(cacheWrite5m, "cacheWrite5m");
    Objects.requireNonNull(cacheWrite1h, "cacheWrite1h");
  }
}
