package dev.claudenexus.proxy;

import dev.claudenexus.pricing.CostCalculator;
import dev.claudenexus.pricing.PriceTable;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Provides the price table and the cost calculator over the bundled price table, or over the file named by
 * {@code MODEL_PRICES_FILE}; an invalid file is logged and the bundled table is used.
 */
@ApplicationScoped
public class PricingConfiguration {

  @Inject
  @ConfigProperty(name = PriceTable.OVERRIDE_FILE_KEY)
  Optional<String> overrideFile;

  private PriceTable prices;
  private CostCalculator calculator;

  @PostConstruct
  void init() {
    prices = PriceTable.configured(overrideFile.orElse(null));
    calculator = new CostCalculator(prices);
  }

  @Produces
  PriceTable priceTable() {
    return prices;
  }

  @Produces
  CostCalculator costCalculator() {
    return calculator;
  }
}
