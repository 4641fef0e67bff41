package dev.claudenexus.api.tokenusage;

import dev.claudenexus.api.query.SqlFilter;
import dev.claudenexus.api.query.UsdAmounts;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Builds the rate-limit window series of one account or all accounts. */
final class TimeSeriesQuery {

  private final Connection connection;

  TimeSeriesQuery(Connection connection) {
    this.connection = connection;
  }

  /**
   * Returns the points of the {@code window} before {@code now}, every {@code interval}, and the cost
   * of the requests in that window.
   */
  TimeSeries series(OffsetDateTime now, Optional<String> accountId, Duration window,
      Duration interval) throws SQLException {
    List<OffsetDateTime> times = TimePoints.endingAfter(now, window, interval);
    MinuteTotals minutes = new MinuteTotalsQuery(connection).totals(
        times.get(0).minus(window), times.get(times.size() - 1), accountId, false);
    return new TimeSeries(window, interval, TimeSeries.points(minutes, now, window, interval),
        cost(now.minus(window), now, accountId));
  }

  private BigDecimal cost(OffsetDateTime start, OffsetDateTime end, Optional<String> accountId)
      throws SQLException {
    SqlFilter filter = new SqlFilter().where("timestamp >= ?", start).where("timestamp <= ?", end)
        .equalTo("account_id", accountId);
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT SUM(cost_usd) FROM api_requests" + filter.clause())) {
      filter.bind(statement, 1);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return UsdAmounts.round(rs.getBigDecimal(1));
      }
    }
  }
}
