package dev.claudenexus.api.access;

import dev.claudenexus.api.access.KeyFailureLimiter.Check;
import dev.claudenexus.api.sso.SsoException;
import dev.claudenexus.api.sso.SsoIdentity;
import dev.claudenexus.api.sso.SsoProvider;
import dev.claudenexus.api.sso.SsoTokenValidator;
import dev.claudenexus.api.sso.SsoUnavailableException;
import dev.claudenexus.credentials.ClientKeys;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Guards {@code /api/*} on both ports. It runs before matching, so unknown paths are guarded too.
 *
 * <ul>
 *   <li>With a dashboard key or single sign-on, a request passes when the realm of the war has
 *       authenticated it (the dashboard's key header or session), when it presents the key itself
 *       (compared in constant time), or when it sends a valid token of the OpenID Connect provider as
 *       {@code Authorization: Bearer}. Otherwise it gets 401. Writes need the {@code admin} role,
 *       which the key grants and single sign-on maps from the admin groups; the one {@code POST}
 *       that only reads, {@code /api/spark/feedback/batch}, needs {@code viewer}.
 *   <li>Without either (read-only mode), every write gets 403 with {@link ApiErrors#READ_ONLY_MESSAGE}.
 *       Reads need no credential, and a wrong one is ignored; they are rate-limited per client.
 * </ul>
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class ApiAccessFilter implements ContainerRequestFilter, ContainerResponseFilter {

  private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");
  /** POST endpoints that only read, so a viewer may call them. */
  private static final Set<String> READING_POSTS = Set.of("/api/spark/feedback/batch");
  /**
   * Request attribute with the caller's roles ({@code Set<String>}), set once the request is
   * authenticated, also when the key or a token was presented on a port whose realm did not
   * authenticate it.
   */
  public static final String ROLES_ATTRIBUTE = "nexus.api.roles";
  private static final String DECISION_PROPERTY = ApiAccessFilter.class.getName() + ".decision";
  private static final Logger LOG = Logger.getLogger(ApiAccessFilter.class.getName());

  private final AccessSettings settings;
  private final ReadRateLimiter limiter;
  private final Optional<SsoTokenValidator> tokens;

  @Context HttpServletRequest servletRequest;

  public ApiAccessFilter() {
    this(AccessSettings.current(), SsoProvider.current().map(SsoTokenValidator::new));
  }

  ApiAccessFilter(AccessSettings settings, Optional<SsoTokenValidator> tokens) {
    this.settings = settings;
    this.tokens = tokens;
    this.limiter = settings.readRequestsPerMinute() > 0
        ? new ReadRateLimiter(settings.readRequestsPerMinute(), System::nanoTime)
        : null;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    boolean write = !READ_METHODS.contains(request.getMethod())
        && !READING_POSTS.contains(request.getUriInfo().getRequestUri().getPath());
    if (!settings.readOnly()) {
      requireCredential(request, write);
    } else if (write) {
      request.abortWith(ApiErrors.plain(403, ApiErrors.READ_ONLY_MESSAGE));
    } else if (limiter != null) {
      limitReads(request);
    }
  }

  private void requireCredential(ContainerRequestContext request, boolean write) {
    SecurityContext realm = request.getSecurityContext();
    Set<String> roles;
    if (realm.isUserInRole(DashboardRoles.VIEWER)) {
      roles = realm.isUserInRole(DashboardRoles.ADMIN)
          ? Set.of(DashboardRoles.VIEWER, DashboardRoles.ADMIN) : Set.of(DashboardRoles.VIEWER);
    } else {
      roles = presentedRoles(request);
      if (roles == null) {
        return;
      }
    }
    if (servletRequest != null && !roles.isEmpty()) {
      servletRequest.setAttribute(ROLES_ATTRIBUTE, roles);
    }
    if (roles.isEmpty()) {
      request.abortWith(ApiErrors.coded(401, "unauthorized", "A valid dashboard key or token is"
          + " required: send the key as X-Dashboard-Key, a token of the single sign-on provider as"
          + " Authorization: Bearer, or log in to the dashboard"));
    } else if (write && !roles.contains(DashboardRoles.ADMIN)) {
      request.abortWith(ApiErrors.coded(403, "forbidden", "Changing data needs the admin role: ask"
          + " for membership in one of the single sign-on admin groups, or use the dashboard key"));
    }
  }

  /**
   * Returns the roles of the key or provider token that the request presents itself, an empty set
   * when it presents neither, or {@code null} after aborting the request with an error.
   */
  private Set<String> presentedRoles(ContainerRequestContext request) {
    String bearer = SsoTokenValidator.bearerToken(request.getHeaderString("Authorization"));
    if (tokens.isPresent() && bearer != null && SsoTokenValidator.looksLikeJwt(bearer)) {
      return tokenRoles(request, tokens.get(), bearer);
    }
    Optional<String> key = settings.dashboardKey();
    Optional<String> presented = PresentedKey.from(request::getHeaderString);
    if (key.isEmpty() || presented.isEmpty()) {
      return Set.of();
    }
    KeyFailureLimiter failures = KeyFailureLimiter.current();
    long wait = servletRequest == null ? 0 : failures.attempt(servletRequest, Check.HEADER);
    if (wait > 0) {
      request.abortWith(Response.fromResponse(
              ApiErrors.coded(429, "rate_limited", failures.message(wait)))
          .header("Retry-After", wait)
          .build());
      return null;
    }
    if (!ClientKeys.matches(presented.get(), key.get())) {
      return Set.of();
    }
    if (servletRequest != null) {
      failures.matched(servletRequest, Check.HEADER);
    }
    markCaller(request, AuthenticationMethod.DASHBOARD_KEY, AuthenticationMethod.DASHBOARD_KEY);
    return Set.of(DashboardRoles.VIEWER, DashboardRoles.ADMIN);
  }

  private Set<String> tokenRoles(ContainerRequestContext request, SsoTokenValidator validator,
      String token) {
    SsoIdentity identity;
    try {
      identity = validator.validateBearer(token);
    } catch (SsoUnavailableException e) {
      request.abortWith(ApiErrors.coded(503, "sso_unavailable", e.getMessage()
          + ". Retry later, or send the dashboard key instead"));
      return null;
    } catch (SsoException e) {
      LOG.fine(() -> "Rejected a bearer token on " + request.getUriInfo().getPath() + ": " + e.getMessage());
      request.abortWith(ApiErrors.coded(401, "invalid_token", e.getMessage()
          + ". Send a current token of the single sign-on provider issued to this dashboard"));
      return null;
    }
    if (identity.roles().isEmpty()) {
      request.abortWith(ApiErrors.coded(403, "forbidden", "User " + identity.name() + " is in none"
          + " of the groups that may use the dashboard: ask an administrator for membership in a"
          + " viewer or admin group"));
      return null;
    }
    markCaller(request, identity.name(), AuthenticationMethod.OIDC_BEARER);
    return identity.roles();
  }

  /**
   * Names the caller and its method for the audit trail, unless the war's realm already
   * authenticated the request (the proxy's port has no dashboard realm).
   */
  private void markCaller(ContainerRequestContext request, String user, String method) {
    if (servletRequest == null) {
      return;
    }
    if (servletRequest.getAttribute(AuthenticationMethod.ATTRIBUTE) == null) {
      servletRequest.setAttribute(AuthenticationMethod.ATTRIBUTE, method);
    }
    if (request.getSecurityContext().getUserPrincipal() == null) {
      servletRequest.setAttribute(AuthenticationAttributes.USER, user);
    }
  }

  private void limitReads(ContainerRequestContext request) {
    String client = ClientAddress.of(servletRequest, settings.trustedProxies());
    ReadRateLimiter.Decision decision = limiter.acquire(client);
    request.setProperty(DECISION_PROPERTY, decision);
    if (!decision.allowed()) {
      Response tooMany = ApiErrors.coded(429, "rate_limited", "Too many requests: read-only mode"
          + " allows " + decision.limit() + " requests per minute per client. Retry after "
          + decision.retryAfterSeconds() + " s, or configure DASHBOARD_API_KEY.");
      request.abortWith(Response.fromResponse(tooMany)
          .header("Retry-After", decision.retryAfterSeconds())
          .build());
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(DECISION_PROPERTY) instanceof ReadRateLimiter.Decision decision) {
      response.getHeaders().putSingle("X-RateLimit-Limit", decision.limit());
      response.getHeaders().putSingle("X-RateLimit-Remaining", decision.remaining());
    }
  }
}
