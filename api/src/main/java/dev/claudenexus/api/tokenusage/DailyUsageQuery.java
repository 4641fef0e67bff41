package dev.claudenexus.api.tokenusage;

import dev.claudenexus.api.query.SqlFilter;
import dev.claudenexus.api.query.TimeBuckets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Sums usage per UTC day and domain (and model), newest day first. */
public final class DailyUsageQuery {

  private static final int DAY_SECONDS = 86_400;

  private final Connection connection;

  public DailyUsageQuery(Connection connection) {
    this.connection = connection;
  }

  /**
   * Returns the usage of the {@code days} days up to and including {@code today}, optionally of one
   * account and domain; per model unless {@code aggregate}.
   */
  public List<DailyUsage> days(LocalDate today, int days, Optional<String> accountId,
      Optional<String> domain, boolean aggregate) throws SQLException {
    SqlFilter filter = new SqlFilter()
        .where("timestamp >= ?", today.minusDays(days - 1L).atStartOfDay().atOffset(ZoneOffset.UTC))
        .equalTo("account_id", accountId)
        .equalTo("domain", domain);
    String day = TimeBuckets.bucketNumber(DAY_SECONDS);
    String keys = day + ", domain" + (aggregate ? "" : ", model");
    String sql = "SELECT " + keys + ", " + UsageTotals.COLUMNS + " FROM api_requests"
        + filter.clause() + " GROUP BY " + keys + " ORDER BY " + day + " DESC, domain"
        + (aggregate ? "" : ", model");
    List<DailyUsage> usage = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      filter.bind(statement, 1);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          LocalDate date = TimeBuckets.start(rs.getLong(1), DAY_SECONDS).toLocalDate();
          String model = aggregate ? null : rs.getString(3);
          usage.add(new DailyUsage(date, rs.getString(2), model,
              UsageTotals.read(rs, aggregate ? 3 : 4)));
        }
      }
    }
    return usage;
  }
}
