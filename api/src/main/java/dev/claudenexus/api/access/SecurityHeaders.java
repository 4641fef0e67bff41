package dev.claudenexus.api.access;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Map;

/**
 * The standard security headers of every API response and dashboard page. Scripts and styles come
 * only from the service itself, no page may be framed, and no referrer leaves it.
 */
public class SecurityHeaders implements ContainerResponseFilter {

  /** Header names and their values. */
  public static final Map<String, String> VALUES = Map.of(
      "X-Content-Type-Options", "nosniff",
      "X-Frame-Options", "DENY",
      "Content-Security-Policy", "default-src 'self'; object-src 'none'; base-uri 'none';"
          + " frame-ancestors 'none'; form-action 'self'",
      "Referrer-Policy", "no-referrer");

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    MultivaluedMap<String, Object> headers = response.getHeaders();
    VALUES.forEach(headers::putSingle);
  }
}
