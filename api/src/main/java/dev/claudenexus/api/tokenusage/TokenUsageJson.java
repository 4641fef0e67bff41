package dev.claudenexus.api.tokenusage;

import static dev.claudenexus.json.JsonProviders.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Renders token usage in the original proxy's field names, with cost totals added. */
final class TokenUsageJson {

  static final String ALL = "all";

  private TokenUsageJson() {}

  static JsonObject daily(Optional<String> accountId, List<DailyUsage> days) {
    JsonArrayBuilder usage = JSON.createArrayBuilder();
    BigDecimal cost = BigDecimal.ZERO;
    for (DailyUsage day : days) {
      JsonObjectBuilder row = JSON.createObjectBuilder()
          .add("date", day.date().toString())
          .add("accountId", accountId.orElse(ALL))
          .add("domain", day.domain());
      if (day.model() != null) {
        row.add("model", day.model());
      }
      usage.add(day.totals().addTo(row));
      cost = cost.add(day.totals().costUsd());
    }
    return JSON.createObjectBuilder().add("usage", usage).add("totalCostUsd", cost).build();
  }

  static JsonObject timeSeries(Optional<String> accountId, TimeSeries series) {
    JsonArrayBuilder points = JSON.createArrayBuilder();
    for (TimeSeries.Point point : series.points()) {
      points.add(JSON.createObjectBuilder()
          .add("time", point.time().toInstant().toString())
          .add("outputTokens", point.intervalTokens())
          .add("cumulativeUsage", point.windowTokens())
          .add("remaining", UsageLimits.remaining(point.windowTokens()))
          .add("percentageUsed", UsageLimits.percentageUsed(point.windowTokens())));
    }
    return JSON.createObjectBuilder()
        .add("accountId", accountId.orElse(ALL))
        .add("windowHours", series.window().toHours())
        .add("intervalMinutes", series.interval().toMinutes())
        .add("tokenLimit", UsageLimits.TOKEN_LIMIT)
        .add("totalCostUsd", series.costUsd())
        .add("timeSeries", points)
        .build();
  }

  static JsonObject accounts(List<AccountUsage> accounts) {
    JsonArrayBuilder list = JSON.createArrayBuilder();
    for (AccountUsage account : accounts) {
      list.add(account(account));
    }
    return JSON.createObjectBuilder()
        .add("accounts", list)
        .add("tokenLimit", UsageLimits.TOKEN_LIMIT)
        .build();
  }

  private static JsonObjectBuilder account(AccountUsage account) {
    JsonArrayBuilder domains = JSON.createArrayBuilder();
    account.domains().forEach(d -> domains.add(JSON.createObjectBuilder()
        .add("domain", d.domain()).add("outputTokens", d.outputTokens())
        .add("requests", d.requests())));
    JsonArrayBuilder series = JSON.createArrayBuilder();
    account.miniSeries().forEach(p -> series.add(JSON.createObjectBuilder()
        .add("time", p.time().toInstant().toString()).add("remaining", p.remaining())));
    long output = account.totals().outputTokens();
    return JSON.createObjectBuilder()
        .add("accountId", account.accountId())
        .add("outputTokens", output)
        .add("inputTokens", account.totals().inputTokens())
        .add("requestCount", account.totals().requests())
        .add("totalCostUsd", account.totals().costUsd())
        .add("lastRequestTime", account.lastRequestTime().toInstant().toString())
        .add("remainingTokens", UsageLimits.remaining(output))
        .add("percentageUsed", UsageLimits.percentageUsed(output))
        .add("domains", domains)
        .add("miniSeries", series);
  }
}
