package dev.claudenexus.proxy.oauth;

import static dev.claudenexus.json.JsonProviders.JSON;

import dev.claudenexus.proxy.OperatorKeyCheck;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /oauth-metrics}: refresh counters; needs the dashboard key when one is set. */
@Path("oauth-metrics")
public class OAuthMetricsResource {

  @Inject OAuthMetrics metrics;
  @Inject OperatorKeyCheck keyCheck;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response get(@Context HttpHeaders headers,
      @Context HttpServletRequest request) {
    Response denied = keyCheck.check(headers, request);
    if (denied != null) {
      return denied;
    }
    OAuthMetrics.Snapshot s = metrics.snapshot();
    String body = JSON.createObjectBuilder()
        .add("attempts", s.attempts())
        .add("successes", s.successes())
        .add("failures", s.failures())
        .add("concurrentWaits", s.concurrentWaits())
        .add("totalRefreshTime", s.totalRefreshTime())
        .add("currentActiveRefreshes", s.currentActiveRefreshes())
        .add("currentFailedRefreshes", s.currentFailedRefreshes())
        .build()
        .toString();
    return Response.ok(body, MediaType.APPLICATION_JSON).build();
  }
}
