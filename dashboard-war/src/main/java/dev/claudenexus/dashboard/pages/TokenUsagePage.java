package dev.claudenexus.dashboard.pages;

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
import java.util.Optional;

/**
 * The token usage page {@code /dashboard/token-usage}. Without {@code accountId} it shows every
 * account active in the last 5 hours against its limit and the sliding window of all accounts over
 * 7 days. With {@code accountId} it shows that account's current window, its sliding window over
 * 24 hours and 7 days, its cost per day and model, and its usage per day, each over 30 days at most.
 * Everything is read once per request, on one connection.
 */
@Named
@RequestScoped
public class TokenUsagePage {

  /** Maximum length of an account id; a longer value counts as no selection. */
  static final int MAX_ACCOUNT_ID_LENGTH = 256;

  @Inject
  TokenLimitSource limitSource;

  @Inject
  ThemePreference theme;

  private String accountId;
  private Overview overview;
  private Account account;

  /** The content without a selected account. */
  private record Overview(List<AccountCard> cards, UsageChart chart) {}

  /** The content of one selected account. */
  private record Account(WindowSummary window, UsageChart chart24h, UsageChart chart7d,
      List<ModelCostRow> costs, List<DailyUsageRow> days) {}

  public String getAccountId() {
    return accountId;
  }

  public void setAccountId(String accountId) {
    boolean usable = accountId != null && !accountId.isBlank() && accountId.length() <= MAX_ACCOUNT_ID_LENGTH;
    this.accountId = usable ? accountId.strip() : null;
  }

  public boolean isAccountSelected() {
    return accountId != null;
  }

  public List<AccountCard> getAccounts() throws SQLException {
    return overview().cards();
  }

  public UsageChart getAllAccountsChart() throws SQLException {
    return overview().chart();
  }

  public WindowSummary getWindow() throws SQLException {
    return account().window();
  }

  public UsageChart getChart24h() throws SQLException {
    return account().chart24h();
  }

  public UsageChart getChart7d() throws SQLException {
    return account().chart7d();
  }

  public List<ModelCostRow> getCosts() throws SQLException {
    return account().costs();
  }

  public List<DailyUsageRow> getDays() throws SQLException {
    return account().days();
  }

  /** Returns whether the selected account has no request in the last 30 days. */
  public boolean isAccountUnknown() throws SQLException {
    return account().days().isEmpty() && account().window().totals().requests() == 0;
  }

  private Overview overview() throws SQLException {
    if (overview == null) {
      try (Connection connection = DataSources.nexus().getConnection()) {
        TokenUsageReader reader = reader(connection);
        overview = new Overview(reader.accountCards(),
            reader.chart(Optional.empty(), 7, Duration.ofMinutes(60), UsageChartBuilder.DAY_AND_TIME));
      }
    }
    return overview;
  }

  private Account account() throws SQLException {
    if (account == null) {
      if (accountId == null) {
        throw new IllegalStateException("No account is selected");
      }
      try (Connection connection = DataSources.nexus().getConnection()) {
        TokenUsageReader reader = reader(connection);
        Optional<String> selected = Optional.of(accountId);
        account = new Account(reader.window(accountId),
            reader.chart(selected, 1, Duration.ofMinutes(5), UsageChartBuilder.TIME_OF_DAY),
            reader.chart(selected, 7, Duration.ofMinutes(60), UsageChartBuilder.DAY_AND_TIME),
            reader.costs(accountId), reader.daily(accountId));
      }
    }
    return account;
  }

  private TokenUsageReader reader(Connection connection) {
    OffsetDateTime now = QueryParameters.now();
    return new TokenUsageReader(connection, now, limitSource.current(), ChartColours.of(theme.isDark()));
  }
}
