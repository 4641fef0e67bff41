package dev.claudenexus.api.tokenusage;

import dev.claudenexus.api.cache.CachedRead;
import dev.claudenexus.api.query.QueryParameters;
import dev.claudenexus.storage.DataSources;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * {@code GET /api/token-usage/daily}, {@code /time-series} and {@code /accounts}, in the original
 * proxy's shapes plus cost totals, on both ports. {@code accountId} is optional: without it the
 * figures cover all accounts.
 */
@Path("token-usage")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TokenUsageHistoryResource {

  static final int DEFAULT_DAYS = 30;
  static final int MAX_DAYS = 366;
  static final int MAX_WINDOW_HOURS = 24;
  static final int MAX_INTERVAL_MINUTES = 60;

  @GET
  @CachedRead
  @Path("daily")
  public JsonObject daily(@QueryParam("accountId") String accountId,
      @QueryParam("domain") String domain, @QueryParam("days") String days,
      @QueryParam("aggregate") String aggregate) throws SQLException {
    Optional<String> account = QueryParameters.text("accountId", accountId);
    Optional<String> domainFilter = QueryParameters.text("domain", domain);
    int dayCount = QueryParameters.wholeNumber("days", days, 1, MAX_DAYS, DEFAULT_DAYS);
    boolean aggregated = QueryParameters.flag("aggregate", aggregate, false);
    try (Connection connection = DataSources.nexus().getConnection()) {
      return TokenUsageJson.daily(account, new DailyUsageQuery(connection).days(
          QueryParameters.now().toLocalDate(), dayCount, account, domainFilter, aggregated));
    }
  }

  @GET
  @CachedRead
  @Path("time-series")
  public JsonObject timeSeries(@QueryParam("accountId") String accountId,
      @QueryParam("window") String window, @QueryParam("interval") String interval)
      throws SQLException {
    Optional<String> account = QueryParameters.text("accountId", accountId);
    Duration windowLength = Duration.ofHours(
        QueryParameters.wholeNumber("window", window, 1, MAX_WINDOW_HOURS, 5));
    Duration step = Duration.ofMinutes(
        QueryParameters.wholeNumber("interval", interval, 1, MAX_INTERVAL_MINUTES, 5));
    OffsetDateTime now = QueryParameters.now();
    try (Connection connection = DataSources.nexus().getConnection()) {
      return TokenUsageJson.timeSeries(account,
          new TimeSeriesQuery(connection).series(now, account, windowLength, step));
    }
  }

  @GET
  @CachedRead
  @Path("accounts")
  public JsonObject accounts() throws SQLException {
    try (Connection connection = DataSources.nexus().getConnection()) {
      return TokenUsageJson.accounts(
          new AccountUsageQuery(connection).accounts(QueryParameters.now()));
    }
  }
}
