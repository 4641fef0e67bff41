package dev.claudenexus.proxy;

import static dev.claudenexus.json.JsonProviders.JSON;

import dev.claudenexus.credentials.ClientKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * Checks the dashboard key on operator endpoints of the proxy. The key is read from
 * {@code X-API-Key}, then {@code X-Dashboard-Key}, then {@code Authorization: Bearer}, and compared
 * in constant time. Without a configured key the endpoints are open.
 */
@ApplicationScoped
public class OperatorKeyCheck {

  @Inject ProxySettings settings;

  /** Returns an error response, or {@code null} when the request may proceed. */
  public Response check(HttpHeaders headers) {
    Optional<String> expected = settings.dashboardKey();
    if (expected.isEmpty()) {
      return null;
    }
    String presented = presentedKey(headers);
    if (presented == null) {
      return error(401, "unauthorized",
          "API key required: send the dashboard key as X-Dashboard-Key");
    }
    if (!ClientKeys.matches(presented, expected.get())) {
      return error(403, "forbidden", "Invalid API key");
    }
    return null;
  }

  private static String presentedKey(HttpHeaders headers) {
    for (String name : new String[] {"X-API-Key", "X-Dashboard-Key"}) {
      String value = headers.getHeaderString(name);
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return authorization.substring(7).strip();
    }
    return null;
  }

  private static Response error(int status, String code, String message) {
    String body = JSON.createObjectBuilder()
        .add("error", JSON.createObjectBuilder().add("code", code).add("message", message))
        .build()
        .toString();
    return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
  }
}
