package dev.claudenexus.proxy.stats;

import static dev.claudenexus.json.JsonProviders.JSON;

import dev.claudenexus.proxy.OperatorKeyCheck;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /token-stats[?domain=]}: the counters of one domain (or {@code null}), or of every
 * domain. It reveals host names and volumes, so it needs the dashboard key when one is set.
 */
@Path("token-stats")
public class TokenStatsResource {

  @Inject TokenStats stats;
  @Inject OperatorKeyCheck keyCheck;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response get(@QueryParam("domain") String domain, @Context HttpHeaders headers,
      @Context HttpServletRequest request) {
    Response denied = keyCheck.check(headers, request);
    if (denied != null) {
      return denied;
    }
    JsonValue body;
    if (domain != null) {
      TokenStats.DomainSnapshot snapshot = stats.snapshot(domain.strip().toLowerCase(java.util.Locale.ROOT));
      body = snapshot == null ? JsonValue.NULL : toJson(snapshot);
    } else {
      JsonObjectBuilder all = JSON.createObjectBuilder();
      stats.snapshots().forEach((name, snapshot) -> all.add(name, toJson(snapshot)));
      body = all.build();
    }
    return Response.ok(body.toString(), MediaType.APPLICATION_JSON).build();
  }

  private static JsonObject toJson(TokenStats.DomainSnapshot s) {
    return JSON.createObjectBuilder()
        .add("inputTokens", s.inputTokens())
        .add("outputTokens", s.outputTokens())
        .add("requestCount", s.requestCount())
        .add("queryEvaluationCount", s.queryEvaluationCount())
        .add("inferenceCount", s.inferenceCount())
        .add("toolCallCount", s.toolCallCount())
        .add("lastUpdated", s.lastUpdated())
        .build();
  }
}
