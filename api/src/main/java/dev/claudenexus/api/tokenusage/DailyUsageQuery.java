package dev.claudenexus.api.tokenusage;

import dev.claudenexus.api.query.SqlFilter;
import dev.claudenexus.api.query.TimeBuckets;
import dev.claudenexus.rollup.UsageRollups;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Sums usage per UTC day and domain (and model), newest day first, from the hourly rollup. */
public final class DailyUsageQuery {

  private static final int DAY_SECONDS = 86_400;
  private static final int HOUR_SECONDS = UsageRollups.HOUR_SECONDS;
  private static final int HOURS_PER_DAY = DAY_SECONDS / HOUR_SECONDS;

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
    // Whole days are whole hours, so the hourly rollup holds every sum.
    long firstHour = TimeBuckets.numberOf(
        today.minusDays(days - 1L).atStartOfDay().atOffset(ZoneOffset.UTC), HOUR_SECONDS);
    SqlFilter filter = new SqlFilter()
        .where("hour_bucket >= ?", firstHour)
        .equalTo("account_id", accountId)
        .equalTo("domain", domain);
    String day = "hour_bucket / " + HOURS_PER_DAY;
    String keys = day + ", domain" + (aggregate ? "" : ", model");
    String sql = "SELECT " + day + ", domain" + (aggregate ? "" : ", NULLIF(model, '')") + ", "
        + UsageTotals.ROLLUP_COLUMNS + " FROM " + UsageRollups.USAGE_HOURS + filter.clause()
        + " GROUP BY " + keys + " ORDER BY " + day + " DESC, domain"
        + (aggregate ? "" : ", NULLIF(model, '')");
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
