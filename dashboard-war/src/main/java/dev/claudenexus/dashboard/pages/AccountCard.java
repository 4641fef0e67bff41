package dev.claudenexus.dashboard.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One account on the all-accounts view: its use of the current 5-hour window against its limit.
 *
 * @param accountId the account
 * @param share output tokens of the window against the account's limit
 * @param requests requests in the window
 * @param lastRequest the time of its last request, formatted in UTC
 * @param domains the domains it used in the window, busiest first
 */
public record AccountCard(String accountId, LimitShare share, long requests, String lastRequest,
    List<String> domains) {

  /** Returns the domains separated by commas. */
  public String domainsText() {
    return String.join(", ", domains);
  }

  /** Returns the link to the account's own view. */
  public String link() {
    return "/dashboard/token-usage?accountId=" + URLEncoder.encode(accountId, StandardCharsets.UTF_8);
  }
}
