package dev.claudenexus.api.hourly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudenexus.api.hourly.HourlyUsageQuery.Measure;
import dev.claudenexus.api.testing.QueryContract;
import dev.claudenexus.api.testing.QueryDatabase;
import dev.claudenexus.api.testing.StoredRequest;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hourly requests and output tokens per domain over seeded rows. */
abstract class HourlyUsageQueryContract extends QueryContract {

  static final OffsetDateTime NOW = OffsetDateTime.of(2025, 3, 10, 12, 40, 0, 0, ZoneOffset.UTC);
  static final OffsetDateTime HOUR = NOW.withMinute(0);

  @BeforeEach
  void seed() throws SQLException {
    database.clear();
    database.insert(
        StoredRequest.at(NOW.minusMinutes(5)).tokens(1, 10),
        StoredRequest.at(NOW.minusMinutes(30)).tokens(1, 20),
        StoredRequest.at(NOW.minusHours(2)).tokens(1, 40),
        StoredRequest.at(NOW.minusHours(1)).domain("b.example.com").tokens(1, 80),
        StoredRequest.at(NOW.minusDays(8)).tokens(1, 160));
  }

  private List<HourlyCount> hours(Measure measure, String domain) throws SQLException {
    try (Connection connection = database.connection()) {
      return new HourlyUsageQuery(connection)
          .hours(measure, NOW.minusDays(7), Optional.ofNullable(domain));
    }
  }

  @Test
  void requestsPerDomainAndHour() throws SQLException {
    assertThat(hours(Measure.REQUESTS, null)).containsExactly(
        new HourlyCount("a.example.com", HOUR.minusHours(2), 1),
        new HourlyCount("a.example.com", HOUR, 2),
        new HourlyCount("b.example.com", HOUR.minusHours(1), 1));
  }

  @Test
  void outputTokensOfOneDomain() throws SQLException {
    List<HourlyCount> hours = hours(Measure.OUTPUT_TOKENS, "a.example.com");
    JsonObject json = HourlyUsageResource.toJson(hours, Optional.of("a.example.com"), 7);

    assertThat(hours).extracting(HourlyCount::count).containsExactly(40L, 30L);
    assertThat(json.getJsonObject("data").getJsonArray("a.example.com")).hasSize(2);
    assertThat(json.getJsonObject("query").getString("domain")).isEqualTo("a.example.com");
    assertThat(json.getJsonObject("query").getInt("days")).isEqualTo(7);
  }

  @Test
  void totalsCombineBothMeasures() throws SQLException {
    List<HourlyTotals> totals;
    try (Connection connection = database.connection()) {
      totals = new HourlyUsageQuery(connection).totals(NOW.minusDays(7), Optional.empty());
    }

    assertThat(totals).containsExactly(
        new HourlyTotals("a.example.com", HOUR.minusHours(2), 1, 40),
        new HourlyTotals("a.example.com", HOUR, 2, 30),
        new HourlyTotals("b.example.com", HOUR.minusHours(1), 1, 80));
  }

  @Test
  void firstHourCountsOnlyRequestsSinceTheStart() throws SQLException {
    OffsetDateTime since = NOW.minusDays(7);
    database.insert(
        StoredRequest.at(since.minusMinutes(10)).tokens(1, 1000),
        StoredRequest.at(since.plusMinutes(10)).tokens(1, 2000));

    List<HourlyTotals> totals;
    try (Connection connection = database.connection()) {
      totals = new HourlyUsageQuery(connection).totals(since, Optional.of("a.example.com"));
    }

    assertThat(totals).containsExactly(
        new HourlyTotals("a.example.com", since.withMinute(0), 1, 2000),
        new HourlyTotals("a.example.com", HOUR.minusHours(2), 1, 40),
        new HourlyTotals("a.example.com", HOUR, 2, 30));
  }
}
