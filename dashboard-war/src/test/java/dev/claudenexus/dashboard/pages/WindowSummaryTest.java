package dev.claudenexus.dashboard.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.claudenexus.api.tokenusage.TokenLimits;
import dev.claudenexus.api.tokenusage.UsageTotals;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class WindowSummaryTest {

  private static WindowSummary summary(TokenLimits.Source source) {
    return new WindowSummary(new UsageTotals(0, 0, 0, 0, 0, BigDecimal.ZERO), new LimitShare(0, 10),
        new TokenLimits.Limit(10, source));
  }

  @Test
  void limitSourceNamesWhereItIsSet() {
    assertEquals("set in the account's credential file", summary(TokenLimits.Source.CREDENTIAL_FILE).limitSource());
    assertEquals("set by TOKEN_LIMIT_5H", summary(TokenLimits.Source.SETTING).limitSource());
    assertEquals("the default", summary(TokenLimits.Source.DEFAULT).limitSource());
  }
}
