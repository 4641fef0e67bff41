package dev.claudenexus.api.costs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudenexus.api.testing.QueryContract;
import dev.claudenexus.api.testing.QueryDatabase;
import dev.claudenexus.api.testing.StoredRequest;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cost totals over rows seeded through SQL. */
abstract class CostQueryContract extends QueryContract {

  static final LocalDate TODAY = LocalDate.of(2025, 3, 10);
  static final OffsetDateTime NOON = TODAY.atTime(12, 0).atOffset(ZoneOffset.UTC);

  @BeforeEach
  void seed() throws SQLException {
    database.clear();
    database.insert(
        StoredRequest.at(NOON).account("acc_1").cost("0.10"),
        StoredRequest.at(NOON.minusHours(13)).account("acc_1").model("claude-opus-4-5").cost("1.5"),
        StoredRequest.at(NOON.minusDays(1)).account("acc_2").domain("b.example.com").cost("0.25"),
        StoredRequest.at(NOON.minusDays(1)).account("acc_2").domain("b.example.com")
            .model("unpriced-model"),
        StoredRequest.at(NOON.minusDays(40)).account("acc_1").cost("9"));
  }

  private List<CostRow> rows(String from, String to, String domain, String account, String groupBy)
      throws SQLException {
    CostSelection selection = CostSelection.parse(from, to, domain, account, groupBy, TODAY);
    try (Connection connection = database.connection()) {
      return new CostQuery(connection).rows(selection);
    }
  }

  @Test
  void costsByDayNewestFirst() throws SQLException {
    List<CostRow> rows = rows(null, null, null, null, null);

    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).keys()).isEqualTo(Map.of(CostDimension.DAY, "2025-03-10"));
    assertThat(rows.get(0).costUsd()).isEqualByComparingTo("0.10");
    assertThat(rows.get(1).keys()).isEqualTo(Map.of(CostDimension.DAY, "2025-03-09"));
    assertThat(rows.get(1).costUsd()).isEqualByComparingTo("1.75");
    assertThat(rows.get(1).requests()).isEqualTo(3);
    assertThat(rows.get(1).unpricedRequests()).isEqualTo(1);
  }

  @Test
  void costsByAccountAndModel() throws SQLException {
    List<CostRow> rows = rows("2025-03-01", "2025-03-10", null, null, "account,model");

    assertThat(rows).extracting(CostRow::keys).containsExactly(
        Map.of(CostDimension.ACCOUNT, "acc_1", CostDimension.MODEL, "claude-opus-4-5"),
        Map.of(CostDimension.ACCOUNT, "acc_1", CostDimension.MODEL, "claude-sonnet-4-5"),
        Map.of(CostDimension.ACCOUNT, "acc_2", CostDimension.MODEL, "claude-sonnet-4-5"),
        Map.of(CostDimension.ACCOUNT, "acc_2", CostDimension.MODEL, "unpriced-model"));
    assertThat(rows.get(3).costUsd()).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(rows.get(3).unpricedRequests()).isEqualTo(1);
  }

  @Test
  void costsFilterDomainAndAccount() throws SQLException {
    List<CostRow> rows = rows(null, null, "b.example.com", "acc_2", "domain");

    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).keys()).isEqualTo(Map.of(CostDimension.DOMAIN, "b.example.com"));
    assertThat(rows.get(0).requests()).isEqualTo(2);
    assertThat(rows.get(0).inputTokens()).isEqualTo(20);
  }

  @Test
  void costsRangeIncludesBothEndDays() throws SQLException {
    List<CostRow> rows = rows("2025-01-29", "2025-01-29", null, null, "day");

    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).costUsd()).isEqualByComparingTo("9");
  }

  @Test
  void costsJsonCarriesTotals() throws SQLException {
    CostSelection selection = CostSelection.parse(null, null, null, null, null, TODAY);
    JsonObject json;
    try (Connection connection = database.connection()) {
      json = CostsResource.toJson(selection, new CostQuery(connection).rows(selection));
    }

    assertThat(json.getJsonNumber("totalCostUsd").bigDecimalValue()).isEqualByComparingTo("1.85");
    assertThat(json.getInt("totalRequests")).isEqualTo(4);
    assertThat(json.getInt("unpricedRequests")).isEqualTo(1);
    assertThat(json.getString("from")).isEqualTo("2025-02-09");
    assertThat(json.getString("accountId")).isEqualTo("all");
    assertThat(json.getJsonArray("costs").getJsonObject(0).getString("date")).isEqualTo("2025-03-10");
  }
}
