package dev.claudenexus.api.tokenusage;

import static dev.claudenexus.json.JsonProviders.JSON;

import dev.claudenexus.api.cache.CachedRead;
import dev.claudenexus.api.query.QueryParameters;
import dev.claudenexus.storage.DataSources;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/analytics/token-usage/sliding-window}: for every bucket of the last {@code days},
 * the output tokens of the {@code windowHours} that end with the bucket, and whether a response in
 * them carried Anthropic's rate-limit warning. Only responses with stored headers count, as in the
 * original. {@code accountId} is optional: without it the figures cover all accounts.
 */
@Path("analytics/token-usage/sliding-window")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SlidingWindowResource {

  @GET
  @CachedRead
  public JsonObject slidingWindow(@QueryParam("accountId") String accountId,
      @QueryParam("days") String days, @QueryParam("bucketMinutes") String bucketMinutes,
      @QueryParam("windowHours") String windowHours) throws SQLException {
    Optional<String> account = QueryParameters.text("accountId", accountId);
    int dayCount = QueryParameters.wholeNumber("days", days, 1, 30, 7);
    int bucket = QueryParameters.wholeNumber("bucketMinutes", bucketMinutes, 1, 60, 10);
    int hours = QueryParameters.wholeNumber("windowHours", windowHours, 1, 24, 5);
    Duration window = Duration.ofHours(hours);
    Duration step = Duration.ofMinutes(bucket);

    List<SlidingWindowBucket> buckets;
    try (Connection connection = DataSources.nexus().getConnection()) {
      buckets = new SlidingWindowQuery(connection)
          .buckets(QueryParameters.now(), account, dayCount, step, window);
    }
    JsonArrayBuilder data = JSON.createArrayBuilder();
    for (SlidingWindowBucket bucketTotals : buckets) {
      data.add(JSON.createObjectBuilder()
          .add("time_bucket", bucketTotals.start().toInstant().toString())
          .add("sliding_window_tokens", bucketTotals.windowTokens())
          .add("rate_limit_warning_in_window", bucketTotals.warning()));
    }
    return JSON.createObjectBuilder()
        .add("accountId", account.orElse(TokenUsageJson.ALL))
        .add("params", JSON.createObjectBuilder().add("days", dayCount)
            .add("bucketMinutes", bucket).add("windowHours", hours))
        .add("data", data)
        .build();
  }
}
