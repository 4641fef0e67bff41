package dev.claudenexus.api.tokenusage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.claudenexus.api.testing.QueryContract;
import dev.claudenexus.api.testing.QueryDatabase;
import dev.claudenexus.api.testing.StoredRequest;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Daily usage, the rate-limit window series, accounts and the sliding window over seeded rows. */
abstract class TokenUsageQueryContract extends QueryContract {

  static final OffsetDateTime NOW = OffsetDateTime.of(2025, 3, 10, 12, 7, 30, 0, ZoneOffset.UTC);
  static final String WARNING_HEADERS =
      "{\"anthropic-ratelimit-unified-status\":\"allowed_warning\",\"request-id\":\"req_1\"}";
  static final String ALLOWED_HEADERS = "{\"anthropic-ratelimit-unified-status\":\"allowed\"}";

  @Test
  void dailyGroupsByDayDomainModel() throws SQLException {
    database.insert(
        StoredRequest.at(NOW).account("acc_1").tokens(100, 10).cost("0.5"),
        StoredRequest.at(NOW.minusHours(1)).account("acc_1").model("claude-opus-4-5").tokens(1, 1),
        StoredRequest.at(NOW.minusDays(1)).account("acc_1").tokens(7, 3).cacheTokens(2, 4),
        StoredRequest.at(NOW).account("acc_2").tokens(1000, 1000),
        StoredRequest.at(NOW.minusDays(30)).account("acc_1"));

    List<DailyUsage> days;
    try (Connection connection = database.connection()) {
      days = new DailyUsageQuery(connection).days(NOW.toLocalDate(), 30, Optional.of("acc_1"),
          Optional.empty(), false);
    }

    assertThat(days).extracting(DailyUsage::date, DailyUsage::model).containsExactly(
        tuple(LocalDate.of(2025, 3, 10), "claude-opus-4-5"),
        tuple(LocalDate.of(2025, 3, 10), "claude-sonnet-4-5"),
        tuple(LocalDate.of(2025, 3, 9), "claude-sonnet-4-5"));
    assertThat(days.get(1).totals().inputTokens()).isEqualTo(100);
    assertThat(days.get(1).totals().costUsd()).isEqualByComparingTo("0.5");
    assertThat(days.get(2).totals().cacheCreationTokens()).isEqualTo(2);
    assertThat(days.get(2).totals().cacheReadTokens()).isEqualTo(4);
  }

  @Test
  void dailyAggregateMergesModelsOfAllAccounts() throws SQLException {
    database.insert(
        StoredRequest.at(NOW).account("acc_1").cost("0.5"),
        StoredRequest.at(NOW).account("acc_2").model("claude-opus-4-5").cost("0.25"));

    List<DailyUsage> days;
    try (Connection connection = database.connection()) {
      days = new DailyUsageQuery(connection).days(NOW.toLocalDate(), 1, Optional.empty(),
          Optional.empty(), true);
    }
    JsonObject json = TokenUsageJson.daily(Optional.empty(), days);

    assertThat(days).hasSize(1);
    assertThat(days.get(0).model()).isNull();
    assertThat(days.get(0).totals().requests()).isEqualTo(2);
    assertThat(json.getJsonArray("usage").getJsonObject(0).getString("accountId")).isEqualTo("all");
    assertThat(json.getJsonArray("usage").getJsonObject(0).containsKey("model")).isFalse();
    assertThat(json.getJsonNumber("totalCostUsd").bigDecimalValue()).isEqualByComparingTo("0.75");
  }

  @Test
  void timeSeriesSumsWindowBeforeEachPoint() throws SQLException {
    database.insert(
        StoredRequest.at(NOW.minusMinutes(2)).account("acc_1").tokens(0, 100).cost("1"),
        StoredRequest.at(NOW.minusHours(4)).account("acc_1").tokens(0, 40),
        StoredRequest.at(NOW.minusHours(6)).account("acc_1").tokens(0, 7),
        StoredRequest.at(NOW.minusMinutes(2)).account("acc_2").tokens(0, 1000));

    TimeSeries series;
    try (Connection connection = database.connection()) {
      series = new TimeSeriesQuery(connection).series(NOW, Optional.of("acc_1"),
          Duration.ofHours(5), Duration.ofMinutes(5));
    }

    TimeSeries.Point last = series.points().get(series.points().size() - 1);
    TimeSeries.Point first = series.points().get(0);
    assertThat(series.points()).hasSize(61);
    assertThat(last.time()).isEqualTo(NOW.withMinute(10).withSecond(0));
    assertThat(last.intervalTokens()).isEqualTo(100);
    assertThat(last.windowTokens()).isEqualTo(140);
    assertThat(first.time()).isEqualTo(NOW.withMinute(10).withSecond(0).minusHours(5));
    assertThat(first.windowTokens()).isEqualTo(7);
    assertThat(series.costUsd()).isEqualByComparingTo("1");
  }

  @Test
  void accountsListActiveAccountsBusiestFirst() throws SQLException {
    database.insert(
        StoredRequest.at(NOW.minusMinutes(30)).account("acc_1").tokens(5, 100),
        StoredRequest.at(NOW.minusHours(1)).account("acc_1").domain("b.example.com").tokens(5, 20)
            .cost("0.3"),
        StoredRequest.at(NOW.minusMinutes(5)).account("acc_2").tokens(1, 500),
        StoredRequest.at(NOW.minusHours(7)).account("acc_3").tokens(1, 1),
        StoredRequest.at(NOW.minusMinutes(5)).tokens(1, 9999));

    List<AccountUsage> accounts;
    try (Connection connection = database.connection()) {
      accounts = new AccountUsageQuery(connection).accounts(NOW);
    }

    assertThat(accounts).extracting(AccountUsage::accountId).containsExactly("acc_2", "acc_1");
    AccountUsage first = accounts.get(1);
    assertThat(first.totals().outputTokens()).isEqualTo(120);
    assertThat(first.totals().requests()).isEqualTo(2);
    assertThat(first.totals().costUsd()).isEqualByComparingTo("0.3");
    assertThat(first.lastRequestTime().toInstant()).isEqualTo(NOW.minusMinutes(30).toInstant());
    assertThat(first.domains()).containsExactly(
        new AccountUsage.DomainUsage("a.example.com", 100, 1),
        new AccountUsage.DomainUsage("b.example.com", 20, 1));
    assertThat(first.miniSeries()).hasSize(21);
    assertThat(first.miniSeries().get(20).remaining()).isEqualTo(UsageLimits.TOKEN_LIMIT - 120);
    assertThat(first.miniSeries().get(0).remaining()).isEqualTo(UsageLimits.TOKEN_LIMIT);
  }

  @Test
  void slidingWindowCountsOnlyRowsWithHeaders() throws SQLException {
    database.insert(
        StoredRequest.at(NOW.minusMinutes(3)).tokens(0, 50).responseHeaders(ALLOWED_HEADERS),
        StoredRequest.at(NOW.minusHours(2)).tokens(0, 25).responseHeaders(WARNING_HEADERS),
        StoredRequest.at(NOW.minusMinutes(1)).tokens(0, 1000));

    List<SlidingWindowBucket> buckets;
    try (Connection connection = database.connection()) {
      buckets = new SlidingWindowQuery(connection).buckets(NOW, Optional.empty(), 1,
          Duration.ofMinutes(10), Duration.ofHours(1));
    }

    SlidingWindowBucket last = buckets.get(buckets.size() - 1);
    assertThat(buckets).hasSize(145);
    assertThat(last.start()).isEqualTo(NOW.withMinute(0).withSecond(0));
    assertThat(last.windowTokens()).isEqualTo(50);
    assertThat(last.warning()).isFalse();
    SlidingWindowBucket warned = buckets.get(buckets.size() - 1 - 12);
    assertThat(warned.windowTokens()).isEqualTo(25);
    assertThat(warned.warning()).isTrue();
  }

  @Test
  void minuteTotalsCountOnlyTheCutPartsOfTheirFirstAndLastMinute() throws SQLException {
    OffsetDateTime minute = NOW.withSecond(0);
    database.insert(
        StoredRequest.at(minute.withSecond(10)).account("acc_1").tokens(0, 1),
        StoredRequest.at(minute.withSecond(50)).account("acc_1").tokens(0, 2)
            .responseHeaders(WARNING_HEADERS),
        StoredRequest.at(minute.plusMinutes(3)).account("acc_1").tokens(0, 4),
        StoredRequest.at(minute.plusMinutes(5).withSecond(20)).account("acc_1").tokens(0, 8),
        StoredRequest.at(minute.plusMinutes(5).withSecond(40)).account("acc_1").tokens(0, 16),
        StoredRequest.at(minute.plusMinutes(3)).tokens(0, 32));

    MinuteTotals cut;
    MinuteTotals inside;
    MinuteTotals oneAccount;
    Map<String, MinuteTotals> byAccount;
    try (Connection connection = database.connection()) {
      MinuteTotalsQuery query = new MinuteTotalsQuery(connection);
      cut = query.totals(minute.withSecond(30), minute.plusMinutes(5).withSecond(30),
          Optional.empty(), false);
      inside = query.totals(minute.withSecond(20), minute.withSecond(55), Optional.empty(), false);
      oneAccount = query.totals(minute.withSecond(30), minute.plusMinutes(5).withSecond(30),
          Optional.of("acc_1"), false);
      byAccount = query.totalsByAccount(minute.withSecond(30), minute.plusMinutes(5).withSecond(30));
    }

    Duration all = Duration.ofMinutes(10);
    OffsetDateTime after = minute.plusMinutes(8);
    assertThat(cut.outputTokens(after, all)).isEqualTo(2 + 4 + 8 + 32);
    assertThat(cut.warned(after, all)).isTrue();
    assertThat(inside.outputTokens(after, all)).isEqualTo(2);
    assertThat(oneAccount.outputTokens(after, all)).isEqualTo(2 + 4 + 8);
    assertThat(byAccount).containsOnlyKeys("acc_1");
    assertThat(byAccount.get("acc_1").outputTokens(after, all)).isEqualTo(2 + 4 + 8);
  }
}
