package dev.claudenexus.pricing;

import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Context windows of models: the {@code contextWindow} of the most specific price table entry that
 * covers the model, else an estimate from the model id.
 *
 * <p>The estimate for an id of the form {@code claude-<family>-<n>} with major version n >= 5 is
 * 1,000,000 tokens, or 200,000 for the haiku family, as for the Claude 5 models with a window in the
 * bundled table. NOTE: every other id without an entry gets 200,000 tokens, the window of the Claude 3
 * and 4 models in the table, which is a guess for models outside it.
 */
public final class ContextWindow {

  static final long ONE_MILLION_TOKENS = 1_000_000L;
  static final long STANDARD_TOKENS = 200_000L;

  private static final int FIRST_ONE_MILLION_VERSION = 5;

  /**
   * {@code claude-<family>-<major version>}, then the end or a separator. The version has 1 to 3 digits,
   * so a release date such as {@code 20270101} is not read as one.
   */
  private static final Pattern FAMILY_AND_VERSION =
      Pattern.compile("^claude-([a-z]+)-(\\d{1,3})(?:$|[-@.])");

  private final PriceTable prices;

  public ContextWindow(PriceTable prices) {
    this.prices = Objects.requireNonNull(prices, "prices");
  }

  /** Returns the context window of a model id. A null or blank id gets the 200,000-token estimate. */
  public ContextLimit limitFor(String model) {
    if (model == null || model.isBlank()) {
      return new ContextLimit(STANDARD_TOKENS, true);
    }
    OptionalLong known = prices.contextWindowFor(model);
    if (known.isPresent()) {
      return new ContextLimit(known.getAsLong(), false);
    }
    return new ContextLimit(estimatedTokens(ModelIds.normalize(model)), true);
  }

  private static long estimatedTokens(String id) {
    Matcher matcher = FAMILY_AND_VERSION.matcher(id);
    if (!matcher.find()) {
      return STANDARD_TOKENS;
    }
    boolean haiku = matcher.group(1).equals("haiku");
    int majorVersion = Integer.parseInt(matcher.group(2));
    return majorVersion >= FIRST_ONE_MILLION_VERSION && !haiku ? ONE_MILLION_TOKENS : STANDARD_TOKENS;
  }
}
