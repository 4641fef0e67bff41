package dev.claudenexus.api.tokenusage;

import dev.claudenexus.api.query.SqlFilter;
import dev.claudenexus.api.query.TimeBuckets;
import dev.claudenexus.rollup.UsageRollups;
import dev.claudenexus.schema.DatabaseVendor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads per-minute output tokens and rate-limit warnings, per account or for all accounts. Whole
 * minutes come from the minute rollup. The parts of the first and last minute that a period cuts
 * come from the requests.
 */
final class MinuteTotalsQuery {

  private static final int MINUTE_SECONDS = MinuteTotals.MINUTE_SECONDS;

  private final Connection connection;

  MinuteTotalsQuery(Connection connection) {
    this.connection = connection;
  }

  /**
   * Sums output tokens per minute in {@code [start, end)}, optionally of one account, and only of
   * responses with stored headers when {@code withHeadersOnly} (the sliding-window analysis).
   */
  MinuteTotals totals(OffsetDateTime start, OffsetDateTime end, Optional<String> accountId,
      boolean withHeadersOnly) throws SQLException {
    Period period = new Period(start, end);
    SqlFilter head = period.head().equalTo("account_id", accountId);
    SqlFilter tail = period.tail().equalTo("account_id", accountId);
    if (withHeadersOnly) {
      head.where("response_headers IS NOT NULL");
      tail.where("response_headers IS NOT NULL");
    }
    SqlFilter whole = period.whole().equalTo("account_id", accountId);
    String minute = TimeBuckets.bucketNumber(MINUTE_SECONDS);
    String requests = "SELECT " + minute + " AS minute_bucket,"
        + " COALESCE(SUM(output_tokens), 0) AS output_tokens, SUM(CASE WHEN "
        + UsageRollups.warningCondition(DatabaseVendor.of(connection))
        + " THEN 1 ELSE 0 END) AS warnings FROM api_requests";
    String sql = "SELECT minute_bucket, SUM(output_tokens), SUM(warnings) FROM ("
        + requests + head.clause() + " GROUP BY " + minute
        + " UNION ALL " + requests + tail.clause() + " GROUP BY " + minute
        + " UNION ALL SELECT minute_bucket, "
        + (withHeadersOnly ? "header_output_tokens" : "output_tokens") + ", warning_count FROM "
        + UsageRollups.OUTPUT_MINUTES + whole.clause()
        + ") minutes GROUP BY minute_bucket";
    MinuteTotals totals = new MinuteTotals();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      whole.bind(statement, tail.bind(statement, head.bind(statement, 1)));
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          totals.add(rs.getLong(1), rs.getLong(2), rs.getLong(3));
        }
      }
    }
    return totals;
  }

  /** Sums output tokens per minute and account in {@code [start, end)}, for accounts that are set. */
  Map<String, MinuteTotals> totalsByAccount(OffsetDateTime start, OffsetDateTime end)
      throws SQLException {
    Period period = new Period(start, end);
    SqlFilter head = period.head().where("account_id IS NOT NULL");
    SqlFilter tail = period.tail().where("account_id IS NOT NULL");
    SqlFilter whole = period.whole().where("account_id <> ''");
    String minute = TimeBuckets.bucketNumber(MINUTE_SECONDS);
    String requests = "SELECT account_id, " + minute + " AS minute_bucket,"
        + " COALESCE(SUM(output_tokens), 0) AS output_tokens FROM api_requests";
    String sql = "SELECT account_id, minute_bucket, SUM(output_tokens) FROM ("
        + requests + head.clause() + " GROUP BY account_id, " + minute
        + " UNION ALL " + requests + tail.clause() + " GROUP BY account_id, " + minute
        + " UNION ALL SELECT account_id, minute_bucket, output_tokens FROM "
        + UsageRollups.OUTPUT_MINUTES + whole.clause()
        + ") minutes GROUP BY account_id, minute_bucket";
    Map<String, MinuteTotals> accounts = new LinkedHashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      whole.bind(statement, tail.bind(statement, head.bind(statement, 1)));
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          accounts.computeIfAbsent(rs.getString(1), a -> new MinuteTotals())
              .add(rs.getLong(2), rs.getLong(3), 0);
        }
      }
    }
    return accounts;
  }

  /**
   * Splits {@code [start, end)} into the whole minutes in it and the parts of the minutes it cuts at
   * either end.
   */
  private record Period(OffsetDateTime start, OffsetDateTime end) {

    /** Returns the first whole minute. */
    long firstWhole() {
      return TimeBuckets.firstFrom(start, MINUTE_SECONDS);
    }

    /** Returns the minute after the last whole one, which is the minute that contains {@code end}. */
    long endWhole() {
      return Math.max(firstWhole(), TimeBuckets.numberOf(end, MINUTE_SECONDS));
    }

    /** Selects the requests before the first whole minute. */
    SqlFilter head() {
      OffsetDateTime wholeStart = TimeBuckets.start(firstWhole(), MINUTE_SECONDS);
      return new SqlFilter().where("timestamp >= ?", start)
          .where("timestamp < ?", wholeStart.isBefore(end) ? wholeStart : end);
    }

    /**
     * Selects the requests after the last whole minute. The selection is empty when the period ends before its first
     * whole minute, since it then starts after {@code end}.
     */
    SqlFilter tail() {
      return new SqlFilter().where("timestamp >= ?", TimeBuckets.start(endWhole(), MINUTE_SECONDS))
          .where("timestamp < ?", end);
    }

    /** Selects the rollup rows of the whole minutes. */
    SqlFilter whole() {
      return new SqlFilter().where("minute_bucket >= ?", firstWhole())
          .where("minute_bucket < ?", endWhole());
    }
  }
}
