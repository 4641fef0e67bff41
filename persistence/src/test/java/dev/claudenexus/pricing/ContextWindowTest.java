package dev.claudenexus.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContextWindowTest {

  private final ContextWindow contextWindow = new ContextWindow(PriceTable.bundled());

  @ParameterizedTest(name = "{0} has {1} tokens, estimate {2}")
  @CsvSource({
    "claude-fable-5, 1000000, false",
    "claude-mythos-preview, 1000000, false",
    "claude-opus-5-5, 1000000, false",
    "claude-opus-4-6, 200000, false",
    "claude-opus-4-1-20250805, 200000, false",
    "claude-sonnet-4-5-20250929, 200000, false",
    "claude-3-5-haiku-20241022, 200000, false",
    "claude-haiku-4-5, 200000, false",
    "claude-sonnet-5, 1000000, true",
    "claude-sonnet-5-20260301, 1000000, true",
    "claude-opus-6, 1000000, true",
    "claude-newfamily-7-20270101, 1000000, true",
    "claude-haiku-5, 200000, true",
    "claude-haiku-5-5, 200000, true",
    "claude-opus-4-9, 200000, true",
    "claude-sonnet-20270101, 200000, true",
    "gpt-4o, 200000, true"
  })
  void limitForModel(String model, long tokens, boolean estimate) {
    ContextLimit limit = contextWindow.limitFor(model);

    assertEquals(tokens, limit.tokens(), "tokens");
    assertEquals(estimate, limit.estimate(), "estimate");
  }

  @ParameterizedTest(name = "blank id \"{0}\" gets the standard estimate")
  @CsvSource({"''", "'  '"})
  void blankModelGetsStandardEstimate(String model) {
    assertEquals(new ContextLimit(200_000, true), contextWindow.limitFor(model));
  }
}
