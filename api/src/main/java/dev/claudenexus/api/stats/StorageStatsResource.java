package dev.claudenexus.api.stats;

import dev.claudenexus.api.cache.CachedRead;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;

/**
 * {@code GET /api/storage-stats}: the totals of {@code /api/stats} in the original dashboard's shape,
 * on both ports. Without {@code since} it covers the last 24 hours, so it stays an index range scan
 * on a large table.
 */
@Path("storage-stats")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class StorageStatsResource {

  @GET
  @CachedRead
  public JsonObject storageStats(@QueryParam("domain") String domain,
      @QueryParam("since") String since) throws SQLException {
    return StatsJson.storageShape(StatsResource.query(domain, since));
  }
}
