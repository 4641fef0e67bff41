package dev.claudenexus.proxy;

import static dev.claudenexus.json.JsonProviders.JSON;

import dev.claudenexus.api.access.KeyFailureLimiter;
import dev.claudenexus.api.sso.SsoException;
import dev.claudenexus.api.sso.SsoIdentity;
import dev.claudenexus.api.sso.SsoProvider;
import dev.claudenexus.api.sso.SsoTokenValidator;
import dev.claudenexus.api.sso.SsoUnavailableException;
import dev.claudenexus.credentials.ClientKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Checks the caller of the proxy's operator endpoints: the dashboard key, read from {@code
 * X-API-Key}, then {@code X-Dashboard-Key}, then {@code Authorization: Bearer} and compared in
 * constant time, or with single sign-on configured a provider token of a viewer or admin as
 * {@code Authorization: Bearer}. With neither a key nor single sign-on the endpoints are open.
 */
@ApplicationScoped
public class OperatorKeyCheck {

  private static final Logger LOG = Logger.getLogger(OperatorKeyCheck.class.getName());

  @Inject ProxySettings settings;

  private final Optional<SsoTokenValidator> tokens = SsoProvider.current().map(SsoTokenValidator::new);

  /**
   * Returns an error response, or {@code null} when the request may proceed. Wrong keys count
   * against the client's allowance of {@link KeyFailureLimiter}.
   */
  public Response check(HttpHeaders headers, HttpServletRequest request) {
    Optional<String> expected = settings.dashboardKey();
    if (expected.isEmpty() && tokens.isEmpty()) {
      return null;
    }
    String bearer = SsoTokenValidator.bearerToken(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
    if (tokens.isPresent() && bearer != null && SsoTokenValidator.looksLikeJwt(bearer)) {
      return checkToken(tokens.get(), bearer);
    }
    String presented = presentedKey(headers);
    if (presented == null) {
      return error(401, "unauthorized", "API key required: send the dashboard key as"
          + " X-Dashboard-Key" + (tokens.isPresent()
              ? " or a token of the single sign-on provider as Authorization: Bearer" : ""));
    }
    if (expected.isEmpty()) {
      return error(403, "forbidden", "Invalid API key");
    }
    KeyFailureLimiter failures = KeyFailureLimiter.current();
    long wait = failures.attempt(request, KeyFailureLimiter.Check.HEADER);
    if (wait > 0) {
      return Response.fromResponse(error(429, "rate_limited", failures.message(wait)))
          .header("Retry-After", wait)
          .build();
    }
    if (!ClientKeys.matches(presented, expected.get())) {
      return error(403, "forbidden", "Invalid API key");
    }
    failures.matched(request, KeyFailureLimiter.Check.HEADER);
    return null;
  }

  private static Response checkToken(SsoTokenValidator validator, String token) {
    SsoIdentity identity;
    try {
      identity = validator.validateBearer(token);
    } catch (SsoUnavailableException e) {
      return error(503, "sso_unavailable", e.getMessage()
          + ". Retry later, or send the dashboard key instead");
    } catch (SsoException e) {
      LOG.fine(() -> "Rejected a bearer token on an operator endpoint: " + e.getMessage());
      return error(401, "invalid_token", e.getMessage()
          + ". Send a current token of the single sign-on provider issued to this dashboard");
    }
    if (identity.roles().isEmpty()) {
      return error(403, "forbidden", "User " + identity.name() + " is in none of the groups that"
          + " may use the dashboard: ask an administrator for membership in a viewer or admin group");
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
