package dev.claudenexus.dashboard.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.claudenexus.api.tokenusage.DailyUsage;
import dev.claudenexus.api.tokenusage.UsageTotals;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenUsageReaderTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

  private static DailyUsage usage(LocalDate date, String domain, long requests, String cost) {
    return new DailyUsage(date, domain, null,
        new UsageTotals(requests * 10, requests * 100, requests, requests * 3, requests * 7, new BigDecimal(cost)));
  }

  @Test
  void domainsOfOneDaySummed() {
    List<DailyUsageRow> days = TokenUsageReader.sumPerDay(List.of(
        usage(TODAY, "a.example.com", 2, "0.5"),
        usage(TODAY, "b.example.com", 3, "0.25")));

    assertEquals(1, days.size());
    DailyUsageRow day = days.get(0);
    assertEquals(5, day.requests());
    assertEquals(50, day.inputTokens());
    assertEquals(500, day.outputTokens());
    assertEquals(35, day.cacheReadTokens());
    assertEquals(15, day.cacheCreationTokens());
    assertEquals(new BigDecimal("0.75"), day.costUsd());
  }

  @Test
  void daysKeepNewestFirst() {
    List<DailyUsageRow> days = TokenUsageReader.sumPerDay(List.of(
        usage(TODAY, "a.example.com", 1, "0"),
        usage(TODAY.minusDays(1), "a.example.com", 1, "0"),
        usage(TODAY.minusDays(1), "b.example.com", 1, "0")));

    assertEquals(List.of(TODAY, TODAY.minusDays(1)), days.stream().map(DailyUsageRow::date).toList());
    assertEquals(2, days.get(1).requests());
  }
}
