package dev.claudenexus.api.domains;

import static dev.claudenexus.json.JsonProviders.JSON;

import dev.claudenexus.api.cache.CachedRead;
import dev.claudenexus.storage.DataSources;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** {@code GET /api/domains}: the domains with requests in the last 7 days, busiest first. */
@Path("domains")
@RequestScoped
public class DomainsResource {

  /** The period whose domains are listed. */
  public static final Duration WINDOW = Duration.ofDays(7);

  @GET
  @CachedRead
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject domains() throws SQLException {
    JsonArrayBuilder domains = JSON.createArrayBuilder();
    try (Connection connection = DataSources.nexus().getConnection()) {
      for (DomainQuery.DomainCount domain : new DomainQuery(connection)
          .since(OffsetDateTime.now(ZoneOffset.UTC).minus(WINDOW))) {
        domains.add(JSON.createObjectBuilder().add("domain", domain.domain())
            .add("requestCount", domain.requests()));
      }
    }
    return JSON.createObjectBuilder().add("domains", domains).build();
  }
}
