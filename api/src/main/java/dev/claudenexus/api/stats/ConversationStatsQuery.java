package dev.claudenexus.api.stats;

import dev.claudenexus.api.query.SqlFilter;
import dev.claudenexus.api.query.TimeBuckets;
import dev.claudenexus.api.query.UsdAmounts;
import dev.claudenexus.rollup.UsageRollups;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Sums the requests linked into conversations ({@code conversation_id} set), optionally of one domain
 * and account. Branch kinds follow their names: {@code subtask_<n>} and {@code compact_<time>}.
 */
public final class ConversationStatsQuery {

  private static final int HOUR_SECONDS = 3600;
  private static final Duration RECENT = Duration.ofHours(24);

  private final Connection connection;
  private final Optional<String> domain;
  private final Optional<String> accountId;
  /** Selects the linked requests of the domain and account. */
  private final SqlFilter filter;
  /** Selects the same requests in the conversation rollup. */
  private final SqlFilter rollupFilter;

  public ConversationStatsQuery(Connection connection, Optional<String> domain, Optional<String> accountId) {
    this.connection = connection;
    this.domain = domain;
    this.accountId = accountId;
    this.filter = new SqlFilter().where("conversation_id IS NOT NULL")
        .equalTo("domain", domain).equalTo("account_id", accountId);
    this.rollupFilter = new SqlFilter().equalTo("domain", domain).equalTo("account_id", accountId);
  }

  /**
   * Returns the statistics. All-time figures come from the rollups, without a {@code DISTINCT} over
   * all requests: conversations and branches are counted per domain and account, which differs from
   * a distinct count only for a conversation whose requests changed account. The last 24 hours come
   * from the requests.
   */
  public ConversationStats query(OffsetDateTime now) throws SQLException {
    OffsetDateTime recentStart = now.minus(RECENT);
    Branches branches = branches();
    AccountsAndModels linked = accountsAndModels();
    long[] recent = longs("SELECT COUNT(*), COUNT(DISTINCT conversation_id),"
        + " COUNT(DISTINCT account_id) FROM api_requests" + filter.clause() + " AND timestamp >= ?",
        3, recentStart);
    return new ConversationStats(conversationCount(), linked.accounts().size(), branches.requests(),
        branches.tokens(), branches.cost(),
        new ConversationStats.Branches(branches.total(), branches.subtask(), branches.compact()),
        linked.models(), new ConversationStats.Recent(recent[0], recent[1], recent[2]),
        hourly(recentStart));
  }

  /** Returns only the all-time totals of {@link #query}, counted the same way. */
  public ConversationTotals totals() throws SQLException {
    Branches branches = branches();
    return new ConversationTotals(conversationCount(), accountsAndModels().accounts().size(),
        branches.requests(), branches.tokens());
  }

  private long conversationCount() throws SQLException {
    return rollupLongs("SELECT COUNT(*) FROM " + UsageRollups.CONVERSATION_ACCOUNTS
        + rollupFilter.clause(), 1)[0];
  }

  /** Sums of the conversation rollup, whose rows are branches. */
  private record Branches(long total, long subtask, long compact, long requests, long tokens,
      BigDecimal cost) {}

  private Branches branches() throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*),"
        + " COALESCE(SUM(CASE WHEN branch_id LIKE 'subtask!_%' ESCAPE '!' THEN 1 ELSE 0 END), 0),"
        + " COALESCE(SUM(CASE WHEN branch_id LIKE 'compact!_%' ESCAPE '!' THEN 1 ELSE 0 END), 0),"
        + " COALESCE(SUM(request_count), 0), COALESCE(SUM(total_tokens), 0), SUM(cost_usd)"
        + " FROM " + UsageRollups.CONVERSATIONS + rollupFilter.clause())) {
      rollupFilter.bind(statement, 1);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return new Branches(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
            rs.getLong(5), UsdAmounts.round(rs.getBigDecimal(6)));
      }
    }
  }

  /** The accounts and the models of the linked requests, models in the database's order. */
  private record AccountsAndModels(Set<String> accounts, List<String> models) {}

  /** Reads {@link AccountsAndModels} from the hourly rollup, which is smaller. */
  private AccountsAndModels accountsAndModels() throws SQLException {
    Set<String> accounts = new HashSet<>();
    Set<String> models = new LinkedHashSet<>();
    SqlFilter linked = new SqlFilter().where("linked_count > 0")
        .equalTo("domain", domain).equalTo("account_id", accountId);
    try (PreparedStatement statement = connection.prepareStatement("SELECT DISTINCT account_id,"
        + " model FROM " + UsageRollups.USAGE_HOURS + linked.clause() + " ORDER BY model")) {
      linked.bind(statement, 1);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          if (!rs.getString(1).isEmpty()) {
            accounts.add(rs.getString(1));
          }
          if (!rs.getString(2).isEmpty()) {
            models.add(rs.getString(2));
          }
        }
      }
    }
    return new AccountsAndModels(accounts, List.copyOf(models));
  }

  private List<ConversationStats.HourlyActivity> hourly(OffsetDateTime start) throws SQLException {
    String bucket = TimeBuckets.bucketNumber(HOUR_SECONDS);
    String sql = "SELECT " + bucket + ", COUNT(*), COALESCE(SUM(total_tokens), 0) FROM api_requests"
        + filter.clause() + " AND timestamp >= ? GROUP BY " + bucket + " ORDER BY 1 DESC";
    List<ConversationStats.HourlyActivity> hours = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setObject(filter.bind(statement, 1), start);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next() && hours.size() < 24) {
          hours.add(new ConversationStats.HourlyActivity(
              TimeBuckets.start(rs.getLong(1), HOUR_SECONDS), rs.getLong(2), rs.getLong(3)));
        }
      }
    }
    return hours;
  }

  private long[] rollupLongs(String sql, int columns) throws SQLException {
    return longs(sql, rollupFilter, columns);
  }

  private long[] longs(String sql, int columns, Object... extraValues) throws SQLException {
    return longs(sql, filter, columns, extraValues);
  }

  private long[] longs(String sql, SqlFilter selection, int columns, Object... extraValues)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      int next = selection.bind(statement, 1);
      for (Object value : extraValues) {
        statement.setObject(next++, value);
      }
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        long[] values = new long[columns];
        for (int i = 0; i < columns; i++) {
          values[i] = rs.getLong(i + 1);
        }
        return values;
      }
    }
  }
}
