package dev.claudenexus.api.stats;

import dev.claudenexus.api.query.SqlFilter;
import dev.claudenexus.api.query.UsdAmounts;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Sums the requests since a time, optionally of one domain. One grouped query by domain, model and
 * request type reads the index range of the period; the groups are added up here.
 */
public final class RequestStatsQuery {

  /** Key of requests with no model or type in the per-model and per-type counts. */
  static final String UNKNOWN = "unknown";

  private static final String SQL = "SELECT domain, model, request_type, COUNT(*),"
      + " COALESCE(SUM(input_tokens), 0), COALESCE(SUM(output_tokens), 0),"
      + " COALESCE(SUM(cache_creation_input_tokens), 0), COALESCE(SUM(cache_read_input_tokens), 0),"
      + " COALESCE(SUM(tool_call_count), 0), SUM(CASE WHEN error IS NOT NULL THEN 1 ELSE 0 END),"
      + " COALESCE(SUM(duration_ms), 0), COUNT(duration_ms), COALESCE(SUM(cost_usd), 0)"
      + " FROM api_requests";

  private final Connection connection;

  public RequestStatsQuery(Connection connection) {
    this.connection = connection;
  }

  public RequestStats since(OffsetDateTime since, Optional<String> domain) throws SQLException {
    SqlFilter filter = new SqlFilter().where("timestamp >= ?", since).equalTo("domain", domain);
    String sql = SQL + filter.clause() + " GROUP BY domain, model, request_type";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      filter.bind(statement, 1);
      try (ResultSet rs = statement.executeQuery()) {
        return sum(rs);
      }
    }
  }

  private static RequestStats sum(ResultSet rs) throws SQLException {
    long[] totals = new long[9];
    BigDecimal cost = BigDecimal.ZERO;
    Set<String> domains = new HashSet<>();
    Map<String, Long> byModel = new TreeMap<>();
    Map<String, Long> byType = new TreeMap<>();
    while (rs.next()) {
      domains.add(rs.getString(1));
      long requests = rs.getLong(4);
      byModel.merge(Optional.ofNullable(rs.getString(2)).orElse(UNKNOWN), requests, Long::sum);
      byType.merge(Optional.ofNullable(rs.getString(3)).orElse(UNKNOWN), requests, Long::sum);
      for (int i = 0; i < totals.length; i++) {
        totals[i] += rs.getLong(4 + i);
      }
      cost = cost.add(rs.getBigDecimal(13));
    }
    double averageDuration = totals[8] == 0 ? 0 : (double) totals[7] / totals[8];
    return new RequestStats(totals[0], totals[1], totals[2], totals[3], totals[4], totals[5],
        totals[6], averageDuration, domains.size(), byModel, byType, UsdAmounts.round(cost));
  }
}
