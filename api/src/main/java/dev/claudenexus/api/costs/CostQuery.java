package dev.claudenexus.api.costs;

import dev.claudenexus.api.query.SqlFilter;
import dev.claudenexus.api.query.TimeBuckets;
import dev.claudenexus.api.query.UsdAmounts;
import dev.claudenexus.rollup.UsageRollups;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Sums stored costs of a {@link CostSelection} with one grouped query over the hourly rollup. */
public final class CostQuery {

  private final Connection connection;

  public CostQuery(Connection connection) {
    this.connection = connection;
  }

  /** Returns one row per group: days newest first, the other dimensions in ascending order. */
  public List<CostRow> rows(CostSelection selection) throws SQLException {
    // Whole days are whole hours, so the hourly rollup holds every sum.
    SqlFilter filter = new SqlFilter()
        .where("hour_bucket >= ?", hourOf(selection.from()))
        .where("hour_bucket < ?", hourOf(selection.to().plusDays(1)))
        .equalTo("domain", selection.domain())
        .equalTo("account_id", selection.accountId());
    String keys = selection.groupBy().stream().map(CostDimension::expression)
        .collect(Collectors.joining(", "));
    String order = selection.groupBy().stream()
        .map(d -> d.expression() + (d == CostDimension.DAY ? " DESC" : ""))
        .collect(Collectors.joining(", "));
    String sql = "SELECT " + keys + ", SUM(cost_usd), COALESCE(SUM(request_count), 0),"
        + " COALESCE(SUM(request_count - priced_count), 0),"
        + " COALESCE(SUM(input_tokens), 0), COALESCE(SUM(output_tokens), 0),"
        + " COALESCE(SUM(cache_creation_input_tokens), 0), COALESCE(SUM(cache_read_input_tokens), 0)"
        + " FROM " + UsageRollups.USAGE_HOURS + filter.clause() + " GROUP BY " + keys
        + " ORDER BY " + order;
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      filter.bind(statement, 1);
      try (ResultSet rs = statement.executeQuery()) {
        List<CostRow> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(row(rs, selection.groupBy()));
        }
        return rows;
      }
    }
  }

  private static long hourOf(LocalDate day) {
    return TimeBuckets.numberOf(day.atStartOfDay().atOffset(ZoneOffset.UTC), UsageRollups.HOUR_SECONDS);
  }

  private static CostRow row(ResultSet rs, List<CostDimension> dimensions) throws SQLException {
    Map<CostDimension, String> keys = new EnumMap<>(CostDimension.class);
    int column = 1;
    for (CostDimension dimension : dimensions) {
      keys.put(dimension, dimension == CostDimension.DAY
          ? TimeBuckets.start(rs.getLong(column), CostDimension.DAY_SECONDS).toLocalDate().toString()
          : rs.getString(column));
      column++;
    }
    return new CostRow(keys, UsdAmounts.round(rs.getBigDecimal(column)), rs.getLong(column + 1),
        rs.getLong(column + 2), rs.getLong(column + 3), rs.getLong(column + 4),
        rs.getLong(column + 5), rs.getLong(column + 6));
  }
}
