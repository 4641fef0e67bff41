package dev.claudenexus.proxy.metrics;

import dev.claudenexus.classification.RequestType;
import dev.claudenexus.pricing.PriceTable;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Turns the values of a request into metric labels from bounded sets, so a client that sends
 * many distinct hosts or model names cannot multiply the series. Anything outside the sets is
 * {@value #OTHER}, and a value the request does not have is {@value #NONE}.
 */
final class MetricLabels {

  static final String OTHER = "other";
  static final String NONE = "none";
  private static final Set<String> REQUEST_TYPES = Arrays.stream(RequestType.values())
      .map(RequestType::databaseName)
      .collect(Collectors.toUnmodifiableSet());

  private final PriceTable prices;
  private final Predicate<String> configuredDomain;

  /**
   * Creates the labels.
   *
   * @param prices the price table whose model names are the known models
   * @param configuredDomain whether a normalised domain has a credential file
   */
  MetricLabels(PriceTable prices, Predicate<String> configuredDomain) {
    this.prices = prices;
    this.configuredDomain = configuredDomain;
  }

  /** Returns the domain when it has a credential file, else {@value #OTHER}. */
  String domain(String domain) {
    if (domain == null) {
      return NONE;
    }
    return configuredDomain.test(domain) ? domain : OTHER;
  }

  /**
   * Returns the price table's name of the model, such as {@code claude-sonnet-4} for
   * {@code claude-sonnet-4-5-20250929}, {@value #OTHER} for a model the table does not cover, or
   * {@value #NONE} without a model.
   */
  String model(String model) {
    if (model == null || model.isBlank()) {
      return NONE;
    }
    return prices.knownModel(model).orElse(OTHER);
  }

  /** Returns the account id, which comes from a credential file, or {@value #NONE}. */
  static String account(String accountId) {
    return accountId == null || accountId.isBlank() ? NONE : accountId;
  }

  /** Returns the request type when it is one of {@link RequestType}'s values, else {@value #OTHER}. */
  static String requestType(String requestType) {
    return requestType != null && REQUEST_TYPES.contains(requestType) ? requestType : OTHER;
  }
}
