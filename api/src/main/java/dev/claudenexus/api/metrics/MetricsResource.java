package dev.claudenexus.api.metrics;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/**
 * {@code GET /api/metrics}: every meter of this war in the Prometheus text format. The access
 * rules of the other reads apply: the dashboard key (Prometheus sends it with its
 * {@code authorization} scrape setting as {@code Authorization: Bearer}) or, in read-only mode, none.
 */
@Path("metrics")
@RequestScoped
public class MetricsResource {

  /** The media type of the Prometheus text format, version 0.0.4. */
  public static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  @Inject NexusMetrics metrics;

  @GET
  @Produces(PROMETHEUS_TEXT)
  public String scrape() {
    return metrics.scrape();
  }
}
