package dev.claudenexus.api.access;

import dev.claudenexus.credentials.ClientKeys;
import jakarta.json.Json;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Guards {@code /api/*}. With a dashboard key configured ({@code DASHBOARD_API_KEY}, or its older name
 * {@code INTERNAL_API_KEY}), every request needs it, compared in constant time, as
 * {@code X-Dashboard-Key}, {@code X-API-Key} or {@code Authorization: Bearer}; a missing or wrong key
 * gets 401. Without one the API is read-only: reads are open and every write gets 403. It runs before
 * matching, so unknown paths are guarded too.
 */
@PreMatching
public class ApiAccessFilter implements ContainerRequestFilter {

  static final String READ_ONLY_MESSAGE =
      "Read-only mode: This endpoint is not available without DASHBOARD_API_KEY";
  private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  @Override
  public void filter(ContainerRequestContext request) {
    Optional<String> expected = dashboardKey(ConfigProvider.getConfig());
    if (expected.isEmpty()) {
      if (!READ_METHODS.contains(request.getMethod())) {
        request.abortWith(json(403,
            Json.createObjectBuilder().add("error", READ_ONLY_MESSAGE).build().toString()));
      }
      return;
    }
    String presented = presentedKey(request);
    if (presented == null || !ClientKeys.matches(presented, expected.get())) {
      request.abortWith(json(401, Json.createObjectBuilder().add("error",
          Json.createObjectBuilder().add("code", "unauthorized").add("message",
              presented == null ? "API key required: send the dashboard key as X-Dashboard-Key"
                  : "Invalid API key"))
          .build().toString()));
    }
  }

  static Optional<String> dashboardKey(Config config) {
    return config.getOptionalValue("DASHBOARD_API_KEY", String.class)
        .or(() -> config.getOptionalValue("INTERNAL_API_KEY", String.class))
        .map(String::strip)
        .filter(key -> !key.isEmpty());
  }

  private static String presentedKey(ContainerRequestContext request) {
    for (String name : new String[] {"X-Dashboard-Key", "X-API-Key"}) {
      String value = request.getHeaderString(name);
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return authorization.substring(7).strip();
    }
    return null;
  }

  private static Response json(int status, String body) {
    return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
  }
}
