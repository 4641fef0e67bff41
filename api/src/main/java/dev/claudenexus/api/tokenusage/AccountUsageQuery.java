package dev.claudenexus.api.tokenusage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists the accounts with requests in the rate-limit window before {@code now}, most output tokens
 * first. Three grouped queries read the window (twice its length for the remaining-token series).
 */
public final class AccountUsageQuery {

  static final Duration SERIES_STEP = Duration.ofMinutes(15);

  private final Connection connection;

  public AccountUsageQuery(Connection connection) {
    this.connection = connection;
  }

  /** Returns the accounts with requests in the window before {@code now}, most output tokens first. */
  public List<AccountUsage> accounts(OffsetDateTime now) throws SQLException {
    OffsetDateTime start = now.minus(UsageLimits.WINDOW);
    Map<String, AccountTotals> totals = totals(start, now);
    Map<String, List<AccountUsage.DomainUsage>> domains = domains(start, now);
    Map<String, MinuteTotals> minutes = new MinuteTotalsQuery(connection)
        .totalsByAccount(start.minus(UsageLimits.WINDOW), now.plusMinutes(1));
    List<AccountUsage> accounts = new ArrayList<>();
    totals.forEach((account, sums) -> accounts.add(new AccountUsage(account, sums.totals(),
        sums.lastRequestTime(), domains.getOrDefault(account, List.of()),
        series(minutes.getOrDefault(account, new MinuteTotals()), now))));
    return accounts;
  }

  private record AccountTotals(UsageTotals totals, OffsetDateTime lastRequestTime) {}

  private Map<String, AccountTotals> totals(OffsetDateTime start, OffsetDateTime end)
      throws SQLException {
    String sql = "SELECT account_id, MAX(timestamp), " + UsageTotals.COLUMNS + " FROM api_requests"
        + " WHERE account_id IS NOT NULL AND timestamp >= ? AND timestamp <= ?"
        + " GROUP BY account_id ORDER BY SUM(output_tokens) DESC, account_id";
    Map<String, AccountTotals> accounts = new LinkedHashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setObject(1, start);
      statement.setObject(2, end);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          accounts.put(rs.getString(1),
              new AccountTotals(UsageTotals.read(rs, 3), rs.getObject(2, OffsetDateTime.class)));
        }
      }
    }
    return accounts;
  }

  private Map<String, List<AccountUsage.DomainUsage>> domains(OffsetDateTime start,
      OffsetDateTime end) throws SQLException {
    String sql = "SELECT account_id, domain, COALESCE(SUM(output_tokens), 0), COUNT(*)"
        + " FROM api_requests WHERE account_id IS NOT NULL AND timestamp >= ? AND timestamp <= ?"
        + " GROUP BY account_id, domain ORDER BY 3 DESC, domain";
    Map<String, List<AccountUsage.DomainUsage>> domains = new LinkedHashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setObject(1, start);
      statement.setObject(2, end);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          domains.computeIfAbsent(rs.getString(1), a -> new ArrayList<>())
              .add(new AccountUsage.DomainUsage(rs.getString(2), rs.getLong(3), rs.getLong(4)));
        }
      }
    }
    return domains;
  }

  /** Returns the tokens left at each 15-minute boundary of the window, ending after {@code now}. */
  private static List<AccountUsage.RemainingPoint> series(MinuteTotals minutes,
      OffsetDateTime now) {
    List<AccountUsage.RemainingPoint> points = new ArrayList<>();
    for (OffsetDateTime time : TimePoints.endingAfter(now, UsageLimits.WINDOW, SERIES_STEP)) {
      points.add(new AccountUsage.RemainingPoint(time,
          UsageLimits.remaining(minutes.outputTokens(time, UsageLimits.WINDOW))));
    }
    return points;
  }
}
