package dev.claudenexus.dashboard.pages;

import dev.claudenexus.api.tokenusage.TokenLimits;
import dev.claudenexus.api.tokenusage.UsageTotals;

/**
 * One account's current 5-hour window.
 *
 * @param totals tokens, requests and cost of the window; zeros when the account had no request in it
 * @param share output tokens against the limit
 * @param limit the limit and where it is set
 */
public record WindowSummary(UsageTotals totals, LimitShare share, TokenLimits.Limit limit) {

  /** Returns where the limit comes from, for the sentence under the share. */
  public String limitSource() {
    return switch (limit.source()) {
      case CREDENTIAL_FILE -> "set in the account's credential file";
      case SETTING -> "set by TOKEN_LIMIT_5H";
      case DEFAULT -> "the default";
    };
  }
}
