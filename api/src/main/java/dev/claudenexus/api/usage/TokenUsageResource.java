package dev.claudenexus.api.usage;

import static dev.claudenexus.json.JsonProviders.JSON;

import dev.claudenexus.api.cache.CachedRead;
import dev.claudenexus.api.errors.InvalidParameterException;
import dev.claudenexus.storage.DataSources;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/token-usage/current}: the tokens, requests and cost of the stored requests in the
 * last {@code window} minutes (default 300, the length of Anthropic's rate-limit window), for one
 * {@code accountId} or, without it, for all accounts. The totals appear with the original's field
 * names and again under {@code usage} with the Anthropic API's usage names.
 */
@Path("token-usage")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TokenUsageResource {

  static final int DEFAULT_WINDOW_MINUTES = 300;
  static final int MAX_WINDOW_MINUTES = 7 * 24 * 60;
  static final String ALL = "all";

  @GET
  @CachedRead
  @Path("current")
  public JsonObject current(@QueryParam("accountId") String accountId,
      @QueryParam("domain") String domain, @QueryParam("model") String model,
      @QueryParam("window") String window) throws SQLException {
    int minutes = windowMinutes(window);
    OffsetDateTime end = OffsetDateTime.now(ZoneOffset.UTC);
    OffsetDateTime start = end.minus(Duration.ofMinutes(minutes));

    StringBuilder sql = new StringBuilder("SELECT COALESCE(SUM(input_tokens), 0),"
        + " COALESCE(SUM(output_tokens), 0), COUNT(*), COALESCE(SUM(cache_creation_input_tokens), 0),"
        + " COALESCE(SUM(cache_read_input_tokens), 0), COALESCE(SUM(cost_usd), 0)"
        + " FROM api_requests WHERE timestamp >= ? AND timestamp < ?");
    List<Object> parameters = new ArrayList<>(List.of(start, end));
    filter(sql, parameters, "account_id", accountId);
    filter(sql, parameters, "domain", domain);
    filter(sql, parameters, "model", model);

    try (Connection connection = DataSources.nexus().getConnection();
        PreparedStatement statement = connection.prepareStatement(sql.toString())) {
      for (int i = 0; i < parameters.size(); i++) {
        statement.setObject(i + 1, parameters.get(i));
      }
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        Totals totals = new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
            rs.getLong(5), rs.getBigDecimal(6));
        return JSON.createObjectBuilder()
            .add("accountId", orAll(accountId))
            .add("domain", orAll(domain))
            .add("model", orAll(model))
            .add("windowMinutes", minutes)
            .add("windowStart", start.toInstant().toString())
            .add("windowEnd", end.toInstant().toString())
            .add("totalInputTokens", totals.input())
            .add("totalOutputTokens", totals.output())
            .add("totalTokens", totals.input() + totals.output())
            .add("totalRequests", totals.requests())
            .add("cacheCreationInputTokens", totals.cacheCreation())
            .add("cacheReadInputTokens", totals.cacheRead())
            .add("totalCostUsd", totals.cost())
            .add("usage", totals.usage())
            .build();
      }
    }
  }

  /** Sums over the window; {@code cost} is in USD and counts only requests whose model has a price. */
  private record Totals(long input, long output, long requests, long cacheCreation, long cacheRead,
      BigDecimal cost) {

    JsonObjectBuilder usage() {
      return JSON.createObjectBuilder()
          .add("input_tokens", input)
          .add("output_tokens", output)
          .add("cache_creation_input_tokens", cacheCreation)
          .add("cache_read_input_tokens", cacheRead)
          .add("total_tokens", input + output)
          .add("requests", requests)
          .add("cost_usd", cost);
    }
  }

  private static void filter(StringBuilder sql, List<Object> parameters, String column, String value) {
    if (value != null && !value.isBlank()) {
      sql.append(" AND ").append(column).append(" = ?");
      parameters.add(value.strip());
    }
  }

  private static String orAll(String value) {
    return value == null || value.isBlank() ? ALL : value.strip();
  }

  private static int windowMinutes(String value) {
    if (value == null) {
      return DEFAULT_WINDOW_MINUTES;
    }
    String expectation = "a whole number of minutes from 1 to " + MAX_WINDOW_MINUTES;
    if (value.isEmpty() || value.length() > 6 || !value.chars().allMatch(Character::isDigit)) {
      throw new InvalidParameterException("window", expectation, value);
    }
    int minutes = Integer.parseInt(value);
    if (minutes < 1 || minutes > MAX_WINDOW_MINUTES) {
      throw new InvalidParameterException("window", expectation, value);
    }
    return minutes;
  }
}
