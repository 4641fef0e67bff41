package dev.claudenexus.dashboard.pages;

import dev.claudenexus.pricing.ContextLimit;
import dev.claudenexus.pricing.ContextWindow;
import dev.claudenexus.pricing.PriceTable;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Context windows of models, from the price table that the proxy uses: the bundled one, or the file
 * named by {@code MODEL_PRICES_FILE}.
 */
@ApplicationScoped
public class ContextWindows {

  private ContextWindow windows;

  @PostConstruct
  void load() {
    String overrideFile = ConfigProvider.getConfig()
        .getOptionalValue(PriceTable.OVERRIDE_FILE_KEY, String.class).orElse(null);
    windows = new ContextWindow(PriceTable.configured(overrideFile));
  }

  /** Returns the context window of a model id; see {@link ContextWindow#limitFor}. */
  public ContextLimit limitFor(String model) {
    return windows.limitFor(model);
  }

  /** Returns the battery of {@code tokens} in the window of {@code model}. */
  public ContextBattery battery(long tokens, String model) {
    return new ContextBattery(tokens, limitFor(model));
  }
}
