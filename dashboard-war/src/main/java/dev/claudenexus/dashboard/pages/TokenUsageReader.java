package dev.claudenexus.dashboard.pages;

import dev.claudenexus.api.costs.CostDimension;
import dev.claudenexus.api.costs.CostQuery;
import dev.claudenexus.api.costs.CostRow;
import dev.claudenexus.api.costs.CostSelection;
import dev.claudenexus.api.tokenusage.AccountUsage;
import dev.claudenexus.api.tokenusage.AccountUsageQuery;
import dev.claudenexus.api.tokenusage.DailyUsage;
import dev.claudenexus.api.tokenusage.DailyUsageQuery;
import dev.claudenexus.api.tokenusage.SlidingWindowQuery;
import dev.claudenexus.api.tokenusage.TokenLimits;
import dev.claudenexus.api.tokenusage.UsageTotals;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what the token usage page shows through the query classes of the JSON API, on one
 * connection and for one {@code now}.
 */
final class TokenUsageReader {

  static final Duration WINDOW = Duration.ofHours(5);
  static final int DAILY_DAYS = 30;
  static final DateTimeFormatter LAST_REQUEST = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

  private final Connection connection;
  private final OffsetDateTime now;
  private final TokenLimits limits;
  private final ChartColours colours;

  TokenUsageReader(Connection connection, OffsetDateTime now, TokenLimits limits, ChartColours colours) {
    this.connection = connection;
    this.now = now;
    this.limits = limits;
    this.colours = colours;
  }

  /** Returns one card per account with requests in the last 5 hours, most output tokens first. */
  List<AccountCard> accountCards() throws SQLException {
    List<AccountCard> cards = new ArrayList<>();
    for (AccountUsage usage : new AccountUsageQuery(connection).accounts(now)) {
      LimitShare share = new LimitShare(usage.totals().outputTokens(),
          limits.forAccount(usage.accountId()).tokens());
      List<String> domains = usage.domains().stream().map(AccountUsage.DomainUsage::domain).toList();
      cards.add(new AccountCard(usage.accountId(), share, usage.totals().requests(),
          LAST_REQUEST.format(usage.lastRequestTime().withOffsetSameInstant(ZoneOffset.UTC)), domains));
    }
    return cards;
  }

  /** Returns the current 5-hour window of an account, zeros when it had no request in it. */
  WindowSummary window(String accountId) throws SQLException {
    UsageTotals totals = new AccountUsageQuery(connection).accounts(now).stream()
        .filter(usage -> usage.accountId().equals(accountId))
        .map(AccountUsage::totals)
        .findFirst()
        .orElse(new UsageTotals(0, 0, 0, 0, 0, BigDecimal.ZERO));
    TokenLimits.Limit limit = limits.forAccount(accountId);
    return new WindowSummary(totals, new LimitShare(totals.outputTokens(), limit.tokens()), limit);
  }

  /**
   * Returns the sliding-window chart of an account, or of all accounts when {@code accountId} is
   * empty, over {@code days} days in buckets of {@code bucket}.
   */
  UsageChart chart(Optional<String> accountId, int days, Duration bucket, DateTimeFormatter labels)
      throws SQLException {
    long limit = accountId.map(id -> limits.forAccount(id).tokens()).orElse(0L);
    return new UsageChartBuilder(bucket, labels, colours).build(
        new SlidingWindowQuery(connection).buckets(now, accountId, days, bucket, WINDOW), limit);
  }

  /** Returns the cost per UTC day and model of the last 30 days, newest day first. */
  List<ModelCostRow> costs(String accountId) throws SQLException {
    LocalDate today = now.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    CostSelection selection = new CostSelection(today.minusDays(DAILY_DAYS - 1L), today,
        Optional.empty(), Optional.of(accountId), List.of(CostDimension.DAY, CostDimension.MODEL));
    List<ModelCostRow> rows = new ArrayList<>();
    for (CostRow row : new CostQuery(connection).rows(selection)) {
      rows.add(new ModelCostRow(row.keys().get(CostDimension.DAY), row.keys().get(CostDimension.MODEL),
          row.requests(), row.unpricedRequests(), row.inputTokens(), row.outputTokens(), row.costUsd()));
    }
    return rows;
  }

  /** Returns the usage per UTC day of the last 30 days that had requests, newest first. */
  List<DailyUsageRow> daily(String accountId) throws SQLException {
    LocalDate today = now.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    List<DailyUsage> perDomain = new DailyUsageQuery(connection)
        .days(today, DAILY_DAYS, Optional.of(accountId), Optional.empty(), true);
    return sumPerDay(perDomain);
  }

  /** Sums rows of the same day (one per domain), keeping the days in their order. */
  static List<DailyUsageRow> sumPerDay(List<DailyUsage> perDomain) {
    Map<LocalDate, DailyUsageRow> days = new LinkedHashMap<>();
    for (DailyUsage usage : perDomain) {
      UsageTotals totals = usage.totals();
      DailyUsageRow row = new DailyUsageRow(usage.date(), totals.requests(), totals.inputTokens(),
          totals.outputTokens(), totals.cacheReadTokens(), totals.cacheCreationTokens(), totals.costUsd());
      days.merge(usage.date(), row, DailyUsageRow::plus);
    }
    return List.copyOf(days.values());
  }
}
