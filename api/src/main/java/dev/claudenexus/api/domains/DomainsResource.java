package dev.claudenexus.api.domains;

import dev.claudenexus.api.cache.CachedRead;
import dev.claudenexus.storage.DataSources;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** {@code GET /api/domains}: the domains with requests in the last 7 days, busiest first. */
@Path("domains")
@RequestScoped
public class DomainsResource {

  private static final Duration WINDOW = Duration.ofDays(7);

  @GET
  @CachedRead
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject domains() throws SQLException {
    String sql = "SELECT domain, COUNT(*) AS requests FROM api_requests WHERE timestamp >= ?"
        + " GROUP BY domain ORDER BY requests DESC, domain";
    JsonArrayBuilder domains = Json.createArrayBuilder();
    try (Connection connection = DataSources.nexus().getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setObject(1, OffsetDateTime.now(ZoneOffset.UTC).minus(WINDOW));
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          domains.add(Json.createObjectBuilder().add("domain", rs.getString(1))
              .add("requestCount", rs.getLong(2)));
        }
      }
    }
    return Json.createObjectBuilder().add("domains", domains).build();
  }
}
