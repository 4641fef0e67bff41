package dev.claudenexus.api.hourly;

import dev.claudenexus.api.query.SqlFilter;
import dev.claudenexus.api.query.TimeBuckets;
import dev.claudenexus.rollup.UsageRollups;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Counts requests and sums output tokens per domain and UTC hour since a time. Whole hours come from
 * the hourly rollup. The part of the first hour after {@code since} comes from the requests.
 */
public final class HourlyUsageQuery {

  /** The quantity summed per hour. */
  public enum Measure {
    REQUESTS,
    OUTPUT_TOKENS
  }

  private static final int HOUR_SECONDS = UsageRollups.HOUR_SECONDS;

  private final Connection connection;

  public HourlyUsageQuery(Connection connection) {
    this.connection = connection;
  }

  /** Returns the hours with requests, by domain and then oldest hour first. */
  public List<HourlyCount> hours(Measure measure, OffsetDateTime since, Optional<String> domain)
      throws SQLException {
    List<HourlyCount> hours = new ArrayList<>();
    for (HourlyTotals total : totals(since, domain)) {
      hours.add(new HourlyCount(total.domain(), total.hour(),
          measure == Measure.REQUESTS ? total.requests() : total.outputTokens()));
    }
    return hours;
  }

  /**
   * Returns both measures of {@link #hours} in one query: per domain and hour, by domain and then
   * oldest hour first.
   */
  public List<HourlyTotals> totals(OffsetDateTime since, Optional<String> domain)
      throws SQLException {
    long firstWholeHour = TimeBuckets.firstFrom(since, HOUR_SECONDS);
    SqlFilter partial = new SqlFilter().where("timestamp >= ?", since)
        .where("timestamp < ?", TimeBuckets.start(firstWholeHour, HOUR_SECONDS))
        .equalTo("domain", domain);
    SqlFilter whole = new SqlFilter().where("hour_bucket >= ?", firstWholeHour)
        .equalTo("domain", domain);
    String hour = TimeBuckets.bucketNumber(HOUR_SECONDS);
    String sql = "SELECT domain, hour_bucket, SUM(requests), SUM(output_tokens) FROM ("
        + "SELECT domain, " + hour + " AS hour_bucket, COUNT(*) AS requests,"
        + " COALESCE(SUM(output_tokens), 0) AS output_tokens FROM api_requests" + partial.clause()
        + " GROUP BY domain, " + hour
        + " UNION ALL SELECT domain, hour_bucket, request_count, output_tokens FROM "
        + UsageRollups.USAGE_HOURS + whole.clause()
        + ") hours GROUP BY domain, hour_bucket ORDER BY domain, hour_bucket";
    List<HourlyTotals> totals = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      whole.bind(statement, partial.bind(statement, 1));
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
