package dev.claudenexus.api.cache;

import dev.claudenexus.api.ApiFlavor;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Serves the dashboard port's {@link CachedRead} reads from the {@link ResponseCache}, and keeps the
 * successful responses of those that missed. It runs after the access checks, so a cached response
 * reaches only those who may read it, and marks each response with {@value #HEADER} {@code hit} or
 * {@code miss}. A request with {@code Cache-Control: no-cache} (a browser's reload) reads the
 * database, and its response replaces the cached one. The proxy port's API is never cached: scripts there expect what is stored now.
 */
@CachedRead
@ApplicationScoped
@Priority(Priorities.USER)
public class CachedReads implements ContainerRequestFilter, ContainerResponseFilter {

  /** Response header with {@code hit} when the response came from the cache, else {@code miss}. */
  public static final String HEADER = "X-Nexus-Cache";
  private static final String TICKET = CachedReads.class.getName() + ".ticket";

  @Inject ApiFlavor flavor;
  @Inject ResponseCache cache;

  @Override
  public void filter(ContainerRequestContext request) {
    if (flavor != ApiFlavor.DASHBOARD || !"GET".equals(request.getMethod()) || !cache.enabled()) {
      return;
    }
    String key = key(request.getUriInfo().getPath(), request.getUriInfo().getQueryParameters());
    Optional<ResponseCache.CachedResponse> cached =
        wantsFresh(request) ? Optional.empty() : cache.get(key);
    if (cached.isPresent()) {
      request.abortWith(Response.ok(cached.get().body(), cached.get().mediaType())
          .header(HEADER, "hit")
          .build());
    } else {
      request.setProperty(TICKET, cache.miss(key));
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!(request.getProperty(TICKET) instanceof ResponseCache.Ticket ticket)) {
      return;
    }
    response.getHeaders().putSingle(HEADER, "miss");
    if (response.getStatus() != 200 || !(response.getEntity() instanceof JsonValue json)) {
      return;
    }
    MediaType type = response.getMediaType() == null
        ? MediaType.APPLICATION_JSON_TYPE : response.getMediaType();
    byte[] body = json.toString().getBytes(StandardCharsets.UTF_8);
    cache.put(ticket, new ResponseCache.CachedResponse(body, type.toString()));
    // The bytes are written as they are, so the entity is serialised once, not twice.
    response.setEntity(body, response.getEntityAnnotations(), type);
  }

  /** Returns whether the client asked for a fresh response, as a browser's reload does. */
  private static boolean wantsFresh(ContainerRequestContext request) {
    String cacheControl = request.getHeaderString("Cache-Control");
    String pragma = request.getHeaderString("Pragma");
    return (cacheControl != null && (cacheControl.contains("no-cache") || cacheControl.contains("max-age=0")))
        || (pragma != null && pragma.contains("no-cache"));
  }

  /** Returns the cache key of a path and its query: parameters sorted by name, values in order. */
  static String key(String path, MultivaluedMap<String, String> query) {
    StringBuilder key = new StringBuilder(path);
    char separator = '?';
    for (Map.Entry<String, List<String>> parameter : new TreeMap<>(query).entrySet()) {
      for (String value : parameter.getValue()) {
        key.append(separator).append(escape(parameter.getKey())).append('=').append(escape(value));
        separator = '&';
      }
    }
    return key.toString();
  }

  private static String escape(String text) {
    return text.replace("%", "%25").replace("&", "%26").replace("=", "%3D");
  }
}
