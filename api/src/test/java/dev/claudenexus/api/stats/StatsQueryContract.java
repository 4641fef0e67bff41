package dev.claudenexus.api.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudenexus.api.testing.QueryContract;
import dev.claudenexus.api.testing.QueryDatabase;
import dev.claudenexus.api.testing.StoredRequest;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Request and conversation statistics over rows seeded through SQL. */
abstract class StatsQueryContract extends QueryContract {

  static final OffsetDateTime NOW = OffsetDateTime.of(2025, 3, 10, 12, 30, 0, 0, ZoneOffset.UTC);

  private RequestStats requestStats(OffsetDateTime since, String domain) throws SQLException {
    try (Connection connection = database.connection()) {
      return new RequestStatsQuery(connection).since(since, Optional.ofNullable(domain));
    }
  }

  private ConversationStats conversationStats(String domain, String account) throws SQLException {
    try (Connection connection = database.connection()) {
      return new ConversationStatsQuery(connection, Optional.ofNullable(domain),
          Optional.ofNullable(account)).query(NOW);
    }
  }

  @Test
  void requestStatsSumPeriod() throws SQLException {
    database.insert(
        StoredRequest.at(NOW.minusHours(1)).tokens(100, 50).cacheTokens(7, 3).duration(200)
            .toolCalls(2).cost("0.25"),
        StoredRequest.at(NOW.minusHours(2)).domain("b.example.com").model("claude-haiku-4-5")
            .type("query_evaluation").tokens(10, 1).duration(null).error("upstream timed out"),
        StoredRequest.at(NOW.minusDays(2)).tokens(1000, 1000));

    RequestStats stats = requestStats(NOW.minusHours(24), null);

    assertThat(stats.requests()).isEqualTo(2);
    assertThat(stats.inputTokens()).isEqualTo(110);
    assertThat(stats.outputTokens()).isEqualTo(51);
    assertThat(stats.totalTokens()).isEqualTo(161);
    assertThat(stats.cacheCreationTokens()).isEqualTo(7);
    assertThat(stats.cacheReadTokens()).isEqualTo(3);
    assertThat(stats.toolCalls()).isEqualTo(2);
    assertThat(stats.errors()).isEqualTo(1);
    assertThat(stats.averageDurationMs()).isEqualTo(200.0);
    assertThat(stats.activeDomains()).isEqualTo(2);
    assertThat(stats.requestsByModel())
        .containsEntry("claude-sonnet-4-5", 1L).containsEntry("claude-haiku-4-5", 1L);
    assertThat(stats.requestsByType())
        .containsEntry("inference", 1L).containsEntry("query_evaluation", 1L);
    assertThat(stats.costUsd()).isEqualByComparingTo(new BigDecimal("0.25"));
  }

  @Test
  void requestStatsFilterDomain() throws SQLException {
    database.insert(StoredRequest.at(NOW.minusHours(1)),
        StoredRequest.at(NOW.minusHours(1)).domain("b.example.com"));

    RequestStats stats = requestStats(NOW.minusHours(24), "b.example.com");

    assertThat(stats.requests()).isEqualTo(1);
    assertThat(stats.activeDomains()).isEqualTo(1);
  }

  @Test
  void requestStatsOfEmptyPeriod() throws SQLException {
    RequestStats stats = requestStats(NOW.minusHours(24), null);

    assertThat(stats.requests()).isZero();
    assertThat(stats.averageDurationMs()).isZero();
    assertThat(stats.requestsByModel()).isEmpty();
    assertThat(stats.costUsd()).isEqualByComparingTo(BigDecimal.ZERO);
  }

  @Test
  void conversationStatsCountBranches() throws SQLException {
    UUID first = UUID.randomUUID();
    UUID second = UUID.randomUUID();
    database.insert(
        StoredRequest.at(NOW.minusHours(1)).conversation(first, "main").account("acc_1")
            .cost("0.5"),
        StoredRequest.at(NOW.minusMinutes(50)).conversation(first, "main").account("acc_1"),
        StoredRequest.at(NOW.minusMinutes(40)).conversation(first, "subtask_1").account("acc_1"),
        StoredRequest.at(NOW.minusMinutes(30)).conversation(first, "compact_101500")
            .account("acc_1"),
        StoredRequest.at(NOW.minusDays(3)).conversation(second, "main").account("acc_2")
            .model("claude-opus-4-5"),
        StoredRequest.at(NOW.minusHours(1)));

    ConversationStats stats = conversationStats(null, null);

    assertThat(stats.conversations()).isEqualTo(2);
    assertThat(stats.activeUsers()).isEqualTo(2);
    assertThat(stats.requests()).isEqualTo(5);
    assertThat(stats.tokens()).isEqualTo(75);
    assertThat(stats.costUsd()).isEqualByComparingTo(new BigDecimal("0.5"));
    assertThat(stats.branches()).isEqualTo(new ConversationStats.Branches(4, 1, 1));
    assertThat(stats.models()).containsExactly("claude-opus-4-5", "claude-sonnet-4-5");
    assertThat(stats.last24Hours()).isEqualTo(new ConversationStats.Recent(4, 1, 1));
  }

  @Test
  void conversationTotalsMatchFullStats() throws SQLException {
    database.insert(
        StoredRequest.at(NOW.minusHours(1)).conversation(UUID.randomUUID(), "main")
            .account("acc_1"),
        StoredRequest.at(NOW.minusHours(2)).conversation(UUID.randomUUID(), "main")
            .account("acc_2").domain("b.example.com"),
        StoredRequest.at(NOW.minusHours(1)));

    ConversationTotals all;
    ConversationTotals domainB;
    try (Connection connection = database.connection()) {
      all = new ConversationStatsQuery(connection, Optional.empty(), Optional.empty()).totals();
      domainB = new ConversationStatsQuery(connection, Optional.of("b.example.com"),
          Optional.empty()).totals();
    }

    assertThat(all).isEqualTo(new ConversationTotals(2, 2, 2, 30));
    assertThat(domainB).isEqualTo(new ConversationTotals(1, 1, 1, 15));
  }

  @Test
  void conversationStatsHourlyNewestFirst() throws SQLException {
    UUID conversation = UUID.randomUUID();
    database.insert(
        StoredRequest.at(NOW.minusMinutes(10)).conversation(conversation, "main"),
        StoredRequest.at(NOW.minusMinutes(20)).conversation(conversation, "main"),
        StoredRequest.at(NOW.minusHours(3)).conversation(conversation, "main").tokens(1, 1));

    ConversationStats stats = conversationStats(null, null);

    assertThat(stats.hourlyActivity()).containsExactly(
        new ConversationStats.HourlyActivity(NOW.withMinute(0), 2, 30),
        new ConversationStats.HourlyActivity(NOW.withMinute(0).minusHours(3), 1, 2));
  }

  @Test
  void conversationStatsFilterAccount() throws SQLException {
    database.insert(
        StoredRequest.at(NOW.minusHours(1)).conversation(UUID.randomUUID(), "main").account("acc_1"),
        StoredRequest.at(NOW.minusHours(1)).conversation(UUID.randomUUID(), "main").account("acc_2"));

    ConversationStats stats = conversationStats(null, "acc_2");

    assertThat(stats.conversations()).isEqualTo(1);
    assertThat(stats.activeUsers()).isEqualTo(1);
  }
}
