package dev.claudenexus.api.hourly;

import dev.claudenexus.api.query.SqlFilter;
import dev.claudenexus.api.query.TimeBuckets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Counts requests or sums output tokens per domain and UTC hour since a time. */
public final class HourlyUsageQuery {

  /** The quantity summed per hour. */
  public enum Measure {
    REQUESTS("COUNT(*)"),
    OUTPUT_TOKENS("COALESCE(SUM(output_tokens), 0)");

    private final String aggregate;

    Measure(String aggregate) {
      this.aggregate = aggregate;
    }
  }

  private static final int HOUR_SECONDS = 3600;

  private final Connection connection;

  public HourlyUsageQuery(Connection connection) {
    this.connection = connection;
  }

  /** Returns the hours with requests, by domain and then oldest hour first. */
  public List<HourlyCount> hours(Measure measure, OffsetDateTime since, Optional<String> domain)
      throws SQLException {
    SqlFilter filter = new SqlFilter().where("timestamp >= ?", since).equalTo("domain", domain);
    String hour = TimeBuckets.bucketNumber(HOUR_SECONDS);
    String sql = "SELECT domain, " + hour + ", " + measure.aggregate + " FROM api_requests"
        + filter.clause() + " GROUP BY domain, " + hour + " ORDER BY domain, " + hour;
    List<HourlyCount> hours = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      filter.bind(statement, 1);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          hours.add(new HourlyCount(rs.getString(1), TimeBuckets.start(rs.getLong(2), HOUR_SECONDS),
              rs.getLong(3)));
        }
      }
    }
    return hours;
  }

  /**
   * Returns both measures of {@link #hours} in one pass over the period: per domain and hour, by
   * domain and then oldest hour first.
   */
  public List<HourlyTotals> totals(OffsetDateTime since, Optional<String> domain)
      throws SQLException {
    SqlFilter filter = new SqlFilter().where("timestamp >= ?", since).equalTo("domain", domain);
    String hour = TimeBuckets.bucketNumber(HOUR_SECONDS);
    String sql = "SELECT domain, " + hour + ", " + Measure.REQUESTS.aggregate + ", "
        + Measure.OUTPUT_TOKENS.aggregate + " FROM api_requests" + filter.clause()
        + " GROUP BY domain, " + hour + " ORDER BY domain, " + hour;
    List<HourlyTotals> totals = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      filter.bind(statement, 1);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          totals.add(new HourlyTotals(rs.getString(1),
              TimeBuckets.start(rs.getLong(2), HOUR_SECONDS), rs.getLong(3), rs.getLong(4)));
        }
      }
    }
    return totals;
  }
}
