package dev.claudenexus.dashboard.web;

import dev.claudenexus.api.metrics.NexusMetrics;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Times the dashboard's pages, forms and static files as {@code nexus_page_requests_seconds} by
 * method, page and status. The page label is the servlet mapping that served the request, such as
 * {@code /dashboard/requests} or {@code *.xhtml}, never the raw path, so its values are bounded by
 * the war's mappings; static files and unknown paths share {@value #STATIC}. {@code /api/*} is
 * timed by the API's own meter and skipped here.
 */
public class PageMetricsFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  static final String METER = "nexus.page.requests";
  static final String STATIC = "static";
  static final String API_MAPPING = "/api/*";
  private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  @Inject transient NexusMetrics metrics;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String page = page(request.getHttpServletMapping());
    if (page == null) {
      chain.doFilter(request, response);
      return;
    }
    long start = System.nanoTime();
    boolean failed = true;
    try {
      chain.doFilter(request, response);
      failed = false;
    } finally {
      int status = failed ? 500 : response.getStatus();
      Timer.builder(METER)
          .description("Requests of the dashboard's pages, forms and static files")
          .tag("method", METHODS.contains(request.getMethod()) ? request.getMethod() : "other")
          .tag("page", page)
          .tag("status", Integer.toString(status))
          .serviceLevelObjectives(NexusMetrics.latencyBuckets())
          .register(metrics.registry())
          .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }
  }

  /** Returns the page label of a mapping, or {@code null} for the API. */
  static String page(HttpServletMapping mapping) {
    if (mapping == null || mapping.getMappingMatch() == null) {
      return STATIC;
    }
    return switch (mapping.getMappingMatch()) {
      case CONTEXT_ROOT -> "/";
      case DEFAULT -> STATIC;
      case EXACT, EXTENSION -> mapping.getPattern();
      case PATH -> API_MAPPING.equals(mapping.getPattern()) ? null : mapping.getPattern();
    };
  }
}
