package dev.claudenexus.api.hourly;

import static dev.claudenexus.json.JsonProviders.JSON;

import dev.claudenexus.api.cache.CachedRead;
import dev.claudenexus.api.hourly.HourlyUsageQuery.Measure;
import dev.claudenexus.api.query.QueryParameters;
import dev.claudenexus.storage.DataSources;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/usage/requests/hourly} and {@code /api/usage/tokens/hourly}: per domain, the
 * requests or output tokens of each UTC hour of the last {@code days} (1 to 30, default 7), in the
 * original proxy's shape on both ports.
 */
@Path("usage")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class HourlyUsageResource {

  static final int MAX_DAYS = 30;
  static final int DEFAULT_DAYS = 7;

  @GET
  @CachedRead
  @Path("requests/hourly")
  public JsonObject requests(@QueryParam("domain") String domain, @QueryParam("days") String days)
      throws SQLException {
    return hourly(Measure.REQUESTS, domain, days);
  }

  @GET
  @CachedRead
  @Path("tokens/hourly")
  public JsonObject tokens(@QueryParam("domain") String domain, @QueryParam("days") String days)
      throws SQLException {
    return hourly(Measure.OUTPUT_TOKENS, domain, days);
  }

  private static JsonObject hourly(Measure measure, String domain, String days)
      throws SQLException {
    Optional<String> domainFilter = QueryParameters.text("domain", domain);
    int dayCount = QueryParameters.wholeNumber("days", days, 1, MAX_DAYS, DEFAULT_DAYS);
    List<HourlyCount> hours;
    try (Connection connection = DataSources.nexus().getConnection()) {
      hours = new HourlyUsageQuery(connection).hours(measure,
          QueryParameters.now().minus(Duration.ofDays(dayCount)), domainFilter);
    }
    return toJson(hours, domainFilter, dayCount);
  }

  static JsonObject toJson(List<HourlyCount> hours, Optional<String> domain, int days) {
    Map<String, JsonArrayBuilder> byDomain = new LinkedHashMap<>();
    for (HourlyCount hour : hours) {
      byDomain.computeIfAbsent(hour.domain(), d -> JSON.createArrayBuilder())
          .add(JSON.createObjectBuilder()
              .add("hour", hour.hour().toInstant().toString())
              .add("count", hour.count()));
    }
    JsonObjectBuilder data = JSON.createObjectBuilder();
    byDomain.forEach(data::add);
    JsonObjectBuilder query = JSON.createObjectBuilder().add("days", days);
    domain.ifPresentOrElse(d -> query.add("domain", d), () -> query.addNull("domain"));
    return JSON.createObjectBuilder().add("data", data).add("query", query).build();
  }
}
