package dev.claudenexus.api.access;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * Cross-origin access to {@code /api/*} for the origins in {@code CORS_ORIGIN} only. A listed origin
 * is echoed with credentials allowed; {@code *} allows every origin but never with credentials, so a
 * foreign page cannot use a visitor's dashboard session. Other origins get no CORS headers, and their
 * preflight requests get 403.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {

  static final String ALLOWED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
  static final String ALLOWED_HEADERS =
      "Content-Type, Authorization, X-API-Key, X-Dashboard-Key, X-CSRF-Token";
  static final String EXPOSED_HEADERS = "Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining";
  static final long PREFLIGHT_MAX_AGE_SECONDS = 600;

  private final AccessSettings settings;

  public CorsFilter() {
    this(AccessSettings.current());
  }

  CorsFilter(AccessSettings settings) {
    this.settings = settings;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String origin = request.getHeaderString("Origin");
    boolean preflight = "OPTIONS".equals(request.getMethod()) && origin != null
        && request.getHeaderString("Access-Control-Request-Method") != null;
    if (!preflight) {
      return;
    }
    if (!allows(origin)) {
      request.abortWith(ApiErrors.plain(403, "Origin " + origin + " is not allowed: add it to CORS_ORIGIN"));
      return;
    }
    request.abortWith(Response.noContent()
        .header("Access-Control-Allow-Methods", ALLOWED_METHODS)
        .header("Access-Control-Allow-Headers", ALLOWED_HEADERS)
        .header("Access-Control-Max-Age", PREFLIGHT_MAX_AGE_SECONDS)
        .build());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    String origin = request.getHeaderString("Origin");
    if (origin == null || !allows(origin)) {
      return;
    }
    MultivaluedMap<String, Object> headers = response.getHeaders();
    headers.add("Vary", "Origin");
    headers.putSingle("Access-Control-Expose-Headers", EXPOSED_HEADERS);
    if (settings.corsOrigins().contains(origin)) {
      headers.putSingle("Access-Control-Allow-Origin", origin);
      headers.putSingle("Access-Control-Allow-Credentials", "true");
    } else {
      headers.putSingle("Access-Control-Allow-Origin", "*");
    }
  }

  private boolean allows(String origin) {
    return settings.corsOrigins().contains(origin) || settings.corsOrigins().contains("*");
  }
}
