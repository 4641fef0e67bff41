package dev.claudenexus.api.tokenusage;

import dev.claudenexus.api.query.SqlFilter;
import dev.claudenexus.api.query.TimeBuckets;
import dev.claudenexus.schema.DatabaseVendor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads per-minute output tokens and rate-limit warnings, per account or for all accounts. */
final class MinuteTotalsQuery {

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
    SqlFilter filter = new SqlFilter().where("timestamp >= ?", start).where("timestamp < ?", end)
        .equalTo("account_id", accountId);
    if (withHeadersOnly) {
      filter.where("response_headers IS NOT NULL");
    }
    String minute = TimeBuckets.bucketNumber(MinuteTotals.MINUTE_SECONDS);
    String sql = "SELECT " + minute + ", COALESCE(SUM(output_tokens), 0), SUM(CASE WHEN "
        + warningCondition() + " THEN 1 ELSE 0 END) FROM api_requests" + filter.clause()
        + " GROUP BY " + minute;
    MinuteTotals totals = new MinuteTotals();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      filter.bind(statement, 1);
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
    String minute = TimeBuckets.bucketNumber(MinuteTotals.MINUTE_SECONDS);
    String sql = "SELECT account_id, " + minute + ", COALESCE(SUM(output_tokens), 0)"
        + " FROM api_requests WHERE account_id IS NOT NULL AND timestamp >= ? AND timestamp < ?"
        + " GROUP BY account_id, " + minute;
    Map<String, MinuteTotals> accounts = new LinkedHashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setObject(1, start);
      statement.setObject(2, end);
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
   * Returns the SQL condition for a response whose {@code anthropic-ratelimit-unified-status} header
   * is {@code allowed_warning}. PostgreSQL reads the JSONB field; H2 keeps the headers as the compact
   * JSON text the recorder writes, with lower-case names, so a text match finds the pair.
   */
  private String warningCondition() throws SQLException {
    return DatabaseVendor.of(connection) == DatabaseVendor.POSTGRESQL
        ? "response_headers->>'anthropic-ratelimit-unified-status' = 'allowed_warning'"
        : "response_headers LIKE '%\"anthropic-ratelimit-unified-status\":\"allowed_warning\"%'";
  }
}
