package dev.claudenexus.pricing;

import dev.claudenexus.usage.TokenUsage;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Computes the USD cost of a request from its token usage and the prices in force when it ran.
 *
 * <p>Cost = input x input price + output x output price + cache reads x read price + 5-minute cache
 * writes x 5-minute write price + 1-hour cache writes x 1-hour write price, with prices per million
 * tokens. {@code inputTokens} already excludes cached tokens and is used as it is. Cache creation that
 * the 1-hour figure does not cover is priced as 5-minute writes, so usage without the 5-minute/1-hour
 * breakdown is priced entirely at the 5-minute rate. Negative counts are treated as 0.
 */
public final class CostCalculator {

  /** Minimum scale of a returned cost. Costs are exact, so raising the scale never rounds them. */
  public static final int MIN_SCALE = 9;

  /** Prices are per 10^6 tokens. */
  private static final int PRICE_UNIT_EXPONENT = 6;

  private static final Logger LOG = Logger.getLogger(CostCalculator.class.getName());

  private final PriceTable prices;
  private final UnknownModelWarnings unknownModels = new UnknownModelWarnings(LOG);

  public CostCalculator(PriceTable prices) {
    this.prices = Objects.requireNonNull(prices, "prices");
  }

  /**
   * Returns the cost of a request in USD, or empty when a model that needs pricing has no price at
   * {@code at}. Such a model is never priced by guess, and each calculator logs it once.
   *
   * <p>When {@code rawUsage} has a non-empty {@code iterations} array (see {@link UsageIterations} for
   * the shape and for which attempts are not billed), each attempt is priced at its own model's rate
   * and {@code usage} is not used. Otherwise {@code usage} is priced at {@code model}'s rate.
   *
   * @param model the model id of the request
   * @param usage the token counts of the response
   * @param rawUsage the response's {@code usage} JSON object, or null when not available
   * @param at when the request ran, which selects the prices in force
   */
  public Optional<BigDecimal> costUsd(String model, TokenUsage usage, JsonObject rawUsage, Instant at) {
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(at, "at");
    List<UsageIterations.Iteration> iterations = UsageIterations.from(rawUsage, model);
    if (iterations.isEmpty()) {
      iterations = List.of(new UsageIterations.Iteration(model, usage, true));
    }

    BigDecimal total = BigDecimal.ZERO;
    for (UsageIterations.Iteration iteration : iterations) {
      if (!iteration.billed()) {
        continue;
      }
      Optional<ModelPrice> price = prices.priceFor(iteration.model(), at);
      if (price.isEmpty()) {
        unknownModels.warnOnce(iteration.model());
        return Optional.empty();
      }
      total = total.add(costPerMillion(price.get(), iteration.usage()));
    }

    BigDecimal cost = total.movePointLeft(PRICE_UNIT_EXPONENT);
    return Optional.of(cost.scale() < MIN_SCALE ? cost.setScale(MIN_SCALE) : cost);
  }

  /** Returns the cost in USD multiplied by one million, which keeps the sum exact. */
  private static BigDecimal costPerMillion(ModelPrice price, TokenUsage usage) {
    long cacheWrite1h = nonNegative(usage.cacheCreation1hInputTokens());
    long cacheWrite5m =
        Math.max(
            nonNegative(usage.cacheCreation5mInputTokens()),
            nonNegative(usage.cacheCreationInputTokens()) - cacheWrite1h);

    return tokens(usage.inputTokens()).multiply(price.input())
        .add(tokens(usage.outputTokens()).multiply(price.output()))
        .add(tokens(usage.cacheReadInputTokens()).multiply(price.cacheRead()))
        .add(tokens(cacheWrite5m).multiply(price.cacheWrite5m()))
        .add(tokens(cacheWrite1h).multiply(price.cacheWrite1h()));
  }

  private static BigDecimal tokens(long count) {
    return BigDecimal.valueOf(nonNegative(count));
  }

  private static long nonNegative(long count) {
    return Math.max(count, 0);
  }
}
