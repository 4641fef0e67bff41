package dev.claudenexus.api.costs;

import static dev.claudenexus.json.JsonProviders.JSON;

import dev.claudenexus.api.cache.CachedRead;
import dev.claudenexus.api.query.UsdAmounts;
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
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * {@code GET /api/costs?from&to&domain&accountId&groupBy}: stored costs in USD per group, with the
 * totals of the whole selection. The same shape on both ports.
 */
@Path("costs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CostsResource {

  static final String ALL = "all";

  @GET
  @CachedRead
  public JsonObject costs(@QueryParam("from") String from, @QueryParam("to") String to,
      @QueryParam("domain") String domain, @QueryParam("accountId") String accountId,
      @QueryParam("groupBy") String groupBy) throws SQLException {
    CostSelection selection =
        CostSelection.parse(from, to, domain, accountId, groupBy, CostSelection.todayUtc());
    try (Connection connection = DataSources.nexus().getConnection()) {
      return toJson(selection, new CostQuery(connection).rows(selection));
    }
  }

  static JsonObject toJson(CostSelection selection, List<CostRow> rows) {
    BigDecimal total = BigDecimal.ZERO;
    long requests = 0;
    long unpriced = 0;
    JsonArrayBuilder groups = JSON.createArrayBuilder();
    for (CostRow row : rows) {
      total = total.add(row.costUsd());
      requests += row.requests();
      unpriced += row.unpricedRequests();
      groups.add(rowJson(row));
    }
    JsonArrayBuilder groupBy = JSON.createArrayBuilder();
    selection.groupBy().forEach(d -> groupBy.add(d.parameterName()));
    return JSON.createObjectBuilder()
        .add("from", selection.from().toString())
        .add("to", selection.to().toString())
        .add("domain", selection.domain().orElse(ALL))
        .add("accountId", selection.accountId().orElse(ALL))
        .add("groupBy", groupBy)
        .add("totalCostUsd", UsdAmounts.round(total))
        .add("totalRequests", requests)
        .add("unpricedRequests", unpriced)
        .add("costs", groups)
        .build();
  }

  private static JsonObjectBuilder rowJson(CostRow row) {
    JsonObjectBuilder json = JSON.createObjectBuilder();
    row.keys().forEach((dimension, value) -> {
      if (value == null) {
        json.addNull(dimension.field());
      } else {
        json.add(dimension.field(), value);
      }
    });
    return json.add("costUsd", row.costUsd())
        .add("requests", row.requests())
        .add("unpricedRequests", row.unpricedRequests())
        .add("inputTokens", row.inputTokens())
        .add("outputTokens", row.outputTokens())
        .add("cacheCreationInputTokens", row.cacheCreationInputTokens())
        .add("cacheReadInputTokens", row.cacheReadInputTokens());
  }
}
