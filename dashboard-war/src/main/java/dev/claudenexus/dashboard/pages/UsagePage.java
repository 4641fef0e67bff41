package dev.claudenexus.dashboard.pages;

import dev.claudenexus.api.hourly.HourlyCount;
import dev.claudenexus.api.hourly.HourlyTotals;
import dev.claudenexus.api.hourly.HourlyUsageQuery;
import dev.claudenexus.api.query.QueryParameters;
import dev.claudenexus.storage.DataSources;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The domain stats page {@code /dashboard/usage}: requests and output tokens per UTC hour of the
 * last 7 days, of one {@code domain} or of all domains stacked, and summary cards of the requests.
 */
@Named
@RequestScoped
public class UsagePage {

  static final int DAYS = 7;
  static final int PERIOD_HOURS = DAYS * 24;

  @Inject ThemePreference theme;
  @Inject SlowReads slowReads;

  private String domain;

  private HourlySeries requests;
  private HourlySeries outputTokens;
  private HourlySummary summary;
  private String error;

  public String getDomain() {
    return domain;
  }

  public void setDomain(String domain) {
    this.domain = domain == null || domain.isBlank() ? null : domain.strip();
  }

  public HourlySummary getSummary() throws SQLException {
    load();
    return summary;
  }

  /** Returns the Chart.js configuration of the hourly request counts. */
  public String getRequestsChart() throws SQLException {
    load();
    return HourlyChart.toJson(HourlyChart.config(requests, "Requests", colours()));
  }

  /** Returns the Chart.js configuration of the hourly output tokens. */
  public String getTokensChart() throws SQLException {
    load();
    return HourlyChart.toJson(HourlyChart.config(outputTokens, "Output tokens", colours()));
  }

  /** Returns the messages of invalid parameters, or {@code null}. */
  public String getError() throws SQLException {
    load();
    return error;
  }

  public int getPeriodHours() {
    return PERIOD_HOURS;
  }

  /** Returns the average requests per hour with one decimal, such as {@code 3.5}. */
  public String getAveragePerHour() throws SQLException {
    return String.format(Locale.ROOT, "%.1f", getSummary().averagePerHour());
  }

  private static List<HourlyTotals> read(OffsetDateTime since, Optional<String> domain)
      throws SQLException {
    try (Connection connection = DataSources.nexus().getConnection()) {
      return new HourlyUsageQuery(connection).totals(since, domain);
    }
  }

  private HourlyChart.ThemeColours colours() {
    return theme.isDark() ? HourlyChart.ThemeColours.DARK : HourlyChart.ThemeColours.LIGHT;
  }

  private void load() throws SQLException {
    if (summary != null) {
      return;
    }
    ParameterErrors errors = new ParameterErrors();
    Optional<String> domainFilter =
        errors.parse(() -> QueryParameters.text("domain", domain), Optional.empty());
    OffsetDateTime now = QueryParameters.now();
    OffsetDateTime since = now.minus(Duration.ofDays(DAYS));
    // A kept read may end up to SlowReads.REFRESH_AFTER before now: its latest hours show as empty.
    List<HourlyTotals> totals = slowReads.get("hourly:" + domainFilter.orElse(""),
        () -> read(since, domainFilter));
    requests = HourlySeries.of(totals.stream()
        .map(t -> new HourlyCount(t.domain(), t.hour(), t.requests())).toList(), since, now);
    outputTokens = HourlySeries.of(totals.stream()
        .map(t -> new HourlyCount(t.domain(), t.hour(), t.outputTokens())).toList(), since, now);
    summary = HourlySummary.of(requests, PERIOD_HOURS);
    error = errors.message();
  }
}
