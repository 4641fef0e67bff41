package dev.claudenexus.bench;

import static dev.claudenexus.bench.ApiVariant.dashboard;
import static dev.claudenexus.bench.ApiVariant.page;
import static dev.claudenexus.bench.ApiVariant.proxy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The endpoint variants the API benchmark measures: every read endpoint of {@code /api/*} except the
 * event stream, with and without the domain and account filters, deep cursor pages, random request
 * ids and 7- and 30-day ranges. Each call draws its domain, account, id or cursor at random.
 */
final class ApiVariants {

  private ApiVariants() {}

  /** Returns the variants in report order; those on the proxy's port only when {@code proxyPort}. */
  static List<ApiVariant> all(ApiFixture fixture, LocalDate today, boolean proxyPort) {
    List<ApiVariant> variants = new ArrayList<>();
    variants.addAll(requests(fixture));
    variants.addAll(conversations(fixture));
    variants.addAll(stats(fixture));
    variants.addAll(tokenUsage(fixture));
    variants.addAll(hourlyAndCosts(fixture, today));
    if (proxyPort) {
      variants.addAll(proxyPort(fixture));
    }
    variants.addAll(pages(fixture));
    return variants;
  }

  private static List<ApiVariant> requests(ApiFixture f) {
    String depth = "a cursor " + deepRange(f) + " rows deep";
    return List.of(
        dashboard("/api/requests", "first page (100 rows)", r -> "/api/requests"),
        dashboard("/api/requests", "domain, first page",
            r -> "/api/requests?domain=" + encoded(f.domain(r))),
        dashboard("/api/requests", depth, r -> "/api/requests?cursor=" + f.deepCursor(r)),
        dashboard("/api/requests", "domain, a cursor " + thousands(f.domainDepth())
            + " rows deep in it", r -> {
              int domain = f.domainIndex(r);
              return "/api/requests?domain=" + encoded(f.domains().get(domain)) + "&cursor="
                  + f.domainCursors().get(domain);
            }),
        dashboard("/api/requests/{id}", "random id", r -> "/api/requests/" + f.requestId(r)),
        dashboard("/api/requests/{id}/subtasks", "random id",
            r -> "/api/requests/" + f.requestId(r) + "/subtasks"));
  }

  private static List<ApiVariant> conversations(ApiFixture f) {
    return List.of(
        dashboard("/api/conversations", "first page (50)", r -> "/api/conversations"),
        dashboard("/api/conversations", "domain", r -> "/api/conversations?domain=" + encoded(f.domain(r))),
        dashboard("/api/conversations", "accountId",
            r -> "/api/conversations?accountId=" + encoded(f.account(r))),
        dashboard("/api/conversations", "excludeSubtasks",
            r -> "/api/conversations?excludeSubtasks=true"),
        dashboard("/api/conversations", "a cursor " + deepRange(f) + " requests deep",
            r -> "/api/conversations?cursor=" + f.deepCursor(r)),
        dashboard("/api/conversations", "domain, a cursor " + thousands(f.domainDepth())
            + " requests deep in it", r -> {
              int domain = f.domainIndex(r);
              return "/api/conversations?domain=" + encoded(f.domains().get(domain)) + "&cursor="
                  + f.domainCursors().get(domain);
            }));
  }

  private static List<ApiVariant> stats(ApiFixture f) {
    return List.of(
        dashboard("/api/stats", "last 24 hours", r -> "/api/stats"),
        dashboard("/api/stats", "domain, last 24 hours", r -> "/api/stats?domain=" + encoded(f.domain(r))),
        dashboard("/api/storage-stats", "last 24 hours", r -> "/api/storage-stats"),
        dashboard("/api/dashboard/stats", "all time", r -> "/api/dashboard/stats"),
        dashboard("/api/dashboard/stats", "domain, all time",
            r -> "/api/dashboard/stats?domain=" + encoded(f.domain(r))),
        dashboard("/api/dashboard/stats", "accountId, all time",
            r -> "/api/dashboard/stats?accountId=" + encoded(f.account(r))),
        dashboard("/api/domains", "last 7 days", r -> "/api/domains"));
  }

  private static List<ApiVariant> tokenUsage(ApiFixture f) {
    return List.of(
        dashboard("/api/token-usage/current", "last 5 hours", r -> "/api/token-usage/current"),
        dashboard("/api/token-usage/current", "accountId, last 5 hours",
            r -> "/api/token-usage/current?accountId=" + encoded(f.account(r))),
        dashboard("/api/token-usage/daily", "7 days", r -> "/api/token-usage/daily?days=7"),
        dashboard("/api/token-usage/daily", "30 days", r -> "/api/token-usage/daily?days=30"),
        dashboard("/api/token-usage/daily", "accountId, 30 days",
            r -> "/api/token-usage/daily?days=30&accountId=" + encoded(f.account(r))),
        dashboard("/api/token-usage/daily", "30 days, aggregate",
            r -> "/api/token-usage/daily?days=30&aggregate=true"),
        dashboard("/api/token-usage/time-series", "5-hour window", r -> "/api/token-usage/time-series"),
        dashboard("/api/token-usage/time-series", "accountId, 5-hour window",
            r -> "/api/token-usage/time-series?accountId=" + encoded(f.account(r))),
        dashboard("/api/token-usage/accounts", "last 5 hours", r -> "/api/token-usage/accounts"),
        dashboard("/api/analytics/token-usage/sliding-window", "7 days",
            r -> "/api/analytics/token-usage/sliding-window"),
        dashboard("/api/analytics/token-usage/sliding-window", "accountId, 7 days",
            r -> "/api/analytics/token-usage/sliding-window?accountId=" + encoded(f.account(r))));
  }

  private static List<ApiVariant> hourlyAndCosts(ApiFixture f, LocalDate today) {
    String week = "from=" + today.minusDays(6) + "&to=" + today;
    return List.of(
        dashboard("/api/usage/requests/hourly", "7 days", r -> "/api/usage/requests/hourly"),
        dashboard("/api/usage/requests/hourly", "domain, 7 days",
            r -> "/api/usage/requests/hourly?domain=" + encoded(f.domain(r))),
        dashboard("/api/usage/tokens/hourly", "30 days", r -> "/api/usage/tokens/hourly?days=30"),
        dashboard("/api/costs", "7 days by day", r -> "/api/costs?" + week),
        dashboard("/api/costs", "30 days by day", r -> "/api/costs"),
        dashboard("/api/costs", "30 days by account and model",
            r -> "/api/costs?groupBy=account,model"),
        dashboard("/api/costs", "domain, 30 days by day", r -> "/api/costs?domain=" + encoded(f.domain(r))));
  }

  /**
   * Returns the dashboard's pages. Their reads of 200 ms or more are kept for 30 s per domain, so
   * the calls with a random domain or id meet cold reads too.
   */
  private static List<ApiVariant> pages(ApiFixture f) {
    return List.of(
        page("/dashboard", "overview", r -> "/dashboard"),
        page("/dashboard", "overview, domain", r -> "/dashboard?domain=" + encoded(f.domain(r))),
        page("/dashboard/requests", "latest requests", r -> "/dashboard/requests"),
        page("/dashboard/requests", "domain", r -> "/dashboard/requests?domain=" + encoded(f.domain(r))),
        page("/dashboard/request/{id}", "conversation view, random id",
            r -> "/dashboard/request/" + f.requestId(r)),
        page("/dashboard/request/{id}", "raw JSON, random id",
            r -> "/dashboard/request/" + f.requestId(r) + "?view=raw"),
        page("/dashboard/conversation/{id}", "tree, random conversation",
            r -> "/dashboard/conversation/" + f.conversationId(r)),
        page("/dashboard/conversation/{id}", "timeline, random conversation",
            r -> "/dashboard/conversation/" + f.conversationId(r) + "?view=timeline"),
        page("/dashboard/token-usage", "all accounts", r -> "/dashboard/token-usage"),
        page("/dashboard/token-usage", "accountId",
            r -> "/dashboard/token-usage?accountId=" + encoded(f.account(r))),
        page("/dashboard/usage", "all domains, 7 days", r -> "/dashboard/usage"),
        page("/dashboard/usage", "domain, 7 days", r -> "/dashboard/usage?domain=" + encoded(f.domain(r))));
  }

  /** Returns the variants whose query differs on the proxy's port, which also counts the selection. */
  private static List<ApiVariant> proxyPort(ApiFixture f) {
    return List.of(
        proxy("/api/requests", "first page (100 rows) with total", r -> "/api/requests"),
        proxy("/api/requests", "domain, first page with total",
            r -> "/api/requests?domain=" + encoded(f.domain(r))),
        proxy("/api/conversations", "first page (50) with total", r -> "/api/conversations"),
        proxy("/api/conversations", "domain, first page with total",
            r -> "/api/conversations?domain=" + encoded(f.domain(r))));
  }

  private static String deepRange(ApiFixture f) {
    return thousands(f.deepStep()) + " to " + thousands((long) f.deepStep() * f.deepCursors().size());
  }

  private static String encoded(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String thousands(long value) {
    return String.format(java.util.Locale.ROOT, "%,d", value);
  }
}
