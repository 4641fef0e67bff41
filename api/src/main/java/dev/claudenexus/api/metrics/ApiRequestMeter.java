package dev.claudenexus.api.metrics;

import io.micrometer.core.instrument.Timer;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Times every {@code /api} request as {@code nexus_api_requests_seconds} by method, endpoint
 * template and status. It runs before the access checks, so their 401, 403 and 429 responses are
 * counted too; a request that matched no resource method gets the endpoint {@value #UNMATCHED}.
 * NOTE: the time ends when the response headers are ready, so it leaves out writing the body and
 * the life of an event stream.
 */
@PreMatching
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION - 200)
public class ApiRequestMeter implements ContainerRequestFilter, ContainerResponseFilter {

  static final String METER = "nexus.api.requests";
  static final String UNMATCHED = "unmatched";
  /** Methods that keep their own label; any other method a client sends is counted as {@code other}. */
  static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
  private static final String START = ApiRequestMeter.class.getName() + ".start";

  @Inject NexusMetrics metrics;

  @Override
  public void filter(ContainerRequestContext request) {
    request.setProperty(START, System.nanoTime());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!(request.getProperty(START) instanceof Long start)) {
      return;
    }
    String endpoint = request.getProperty(EndpointTemplates.PROPERTY) instanceof String template
        ? template : UNMATCHED;
    Timer.builder(METER)
        .description("Requests of the JSON API by method, endpoint template and status")
        .tag("method", methodLabel(request.getMethod()))
        .tag("endpoint", endpoint)
        .tag("status", Integer.toString(response.getStatus()))
        .serviceLevelObjectives(NexusMetrics.latencyBuckets())
        .register(metrics.registry())
        .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
  }

  /** Returns the method, or {@code other} for a method outside {@link #METHODS}. */
  static String methodLabel(String method) {
    return METHODS.contains(method) ? method : "other";
  }
}
