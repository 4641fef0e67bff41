package dev.claudenexus.api.stats;

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
import java.util.Optional;

/**
 * {@code GET /api/dashboard/stats}: totals over the requests linked into conversations, optionally of
 * one {@code domain} and {@code accountId}, in the original proxy's shape plus {@code totalCostUsd}.
 */
@Path("dashboard/stats")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DashboardStatsResource {

  @GET
  @CachedRead
  public JsonObject dashboardStats(@QueryParam("domain") String domain,
      @QueryParam("accountId") String accountId) throws SQLException {
    Optional<String> domainFilter = QueryParameters.text("domain", domain);
    Optional<String> accountFilter = QueryParameters.text("accountId", accountId);
    try (Connection connection = DataSources.nexus().getConnection()) {
      return toJson(new ConversationStatsQuery(connection, domainFilter, accountFilter)
          .query(QueryParameters.now()));
    }
  }

  static JsonObject toJson(ConversationStats stats) {
    JsonArrayBuilder models = JSON.createArrayBuilder(stats.models());
    JsonArrayBuilder hours = JSON.createArrayBuilder();
    for (ConversationStats.HourlyActivity hour : stats.hourlyActivity()) {
      hours.add(JSON.createObjectBuilder()
          .add("hour", hour.hour().toInstant().toString())
          .add("requestCount", hour.requests())
          .add("tokenCount", hour.tokens()));
    }
    return JSON.createObjectBuilder()
        .add("totalConversations", stats.conversations())
        .add("activeUsers", stats.activeUsers())
        .add("totalRequests", stats.requests())
        .add("totalTokens", stats.tokens())
        .add("totalCostUsd", stats.costUsd())
        .add("totalBranches", stats.branches().total())
        .add("subtaskBranches", stats.branches().subtask())
        .add("compactBranches", stats.branches().compact())
        .add("modelsUsed", models)
        .add("modelsUsedCount", stats.models().size())
        .add("last24Hours", JSON.createObjectBuilder()
            .add("requests", stats.last24Hours().requests())
            .add("conversations", stats.last24Hours().conversations())
            .add("activeUsers", stats.last24Hours().activeUsers()))
        .add("hourlyActivity", hours)
        .build();
  }
}
