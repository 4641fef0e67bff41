package dev.claudenexus.api.stats;

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
 * {@code GET /api/stats}: totals over the requests since {@code since} (default: the last 24 hours),
 * optionally of one {@code domain}, in the original proxy's shape on both ports.
 */
@Path("stats")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

  static final Duration DEFAULT_PERIOD = Duration.ofHours(24);

  @GET
  @CachedRead
  public JsonObject stats(@QueryParam("domain") String domain, @QueryParam("since") String since)
      throws SQLException {
    return StatsJson.proxyShape(query(domain, since));
  }

  /** Validates the parameters and sums the requests they select. */
  static RequestStats query(String domain, String since) throws SQLException {
    Optional<String> domainFilter = QueryParameters.text("domain", domain);
    OffsetDateTime start = QueryParameters.instant("since", since)
        .orElseGet(() -> QueryParameters.now().minus(DEFAULT_PERIOD));
    try (Connection connection = DataSources.nexus().getConnection()) {
      return new RequestStatsQuery(connection).since(start, domainFilter);
    }
  }
}
