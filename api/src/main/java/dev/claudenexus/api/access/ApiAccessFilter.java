package dev.claudenexus.api.access;

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

/**
 * Guards {@code /api/*} on both ports. It runs before matching, so unknown paths are guarded too.
 *
 * <ul>
 *   <li>With a dashboard key, a request passes when the realm of the war has authenticated it (the
 *       dashboard's key header or session) or when it presents the key itself, compared in constant
 *       time; otherwise it gets 401. Writes need the {@code admin} role, which the key grants.
 *   <li>Without one (read-only mode), every write gets 403 with {@link ApiErrors#READ_ONLY_MESSAGE}.
 *       Reads need no credential, and a wrong one is ignored; they are rate-limited per client.
 * </ul>
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class ApiAccessFilter implements ContainerRequestFilter, ContainerResponseFilter {

  private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");
  /** Request attribute that is {@code TRUE} when the request presented the dashboard key. */
  public static final String KEY_ATTRIBUTE = "nexus.api.dashboardKeyPresented";

  /** The caller name and method of a request that presented the key, as the dashboard realm names it. */
  private static final String KEY_CALLER = "dashboard-key";
  private static final String DECISION_PROPERTY = ApiAccessFilter.class.getName() + ".decision";

  private final AccessSettings settings;
  private final ReadRateLimiter limiter;

  @Context HttpServletRequest servletRequest;

  public ApiAccessFilter() {
    this(AccessSettings.current());
  }

  ApiAccessFilter(AccessSettings settings) {
    this.settings = settings;
    this.limiter = settings.readRequestsPerMinute() > 0
        ? new ReadRateLimiter(settings.readRequestsPerMinute(), System::nanoTime)
        : null;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    boolean write = !READ_METHODS.contains(request.getMethod());
    Optional<String> key = settings.dashboardKey();
    if (key.isPresent()) {
      requireKey(request, key.get(), write);
    } else if (write) {
      request.abortWith(ApiErrors.plain(403, ApiErrors.READ_ONLY_MESSAGE));
    } else if (limiter != null) {
      limitReads(request);
    }
  }

  private void requireKey(ContainerRequestContext request, String expected, boolean write) {
    SecurityContext realm = request.getSecurityContext();
    boolean keyPresented = PresentedKey.from(request::getHeaderString)
        .filter(presented -> ClientKeys.matches(presented, expected))
        .isPresent();
    if (keyPresented) {
      markKeyPresented(realm);
    }
    boolean viewer = keyPresented || realm.isUserInRole(DashboardRoles.VIEWER);
    if (!viewer) {
      request.abortWith(ApiErrors.coded(401, "unauthorized",
          "A valid dashboard key is required: send it as X-Dashboard-Key, or log in to the dashboard"));
      return;
    }
    if (write && !keyPresented && !realm.isUserInRole(DashboardRoles.ADMIN)) {
      request.abortWith(ApiErrors.coded(403, "forbidden", "Changing data needs the admin role"));
    }
  }

  /**
   * Notes on the request that it presented the key, which grants the admin role, and names the
   * caller for the audit trail when the war's realm has not authenticated it (the proxy's port).
   */
  private void markKeyPresented(SecurityContext realm) {
    servletRequest.setAttribute(KEY_ATTRIBUTE, Boolean.TRUE);
    if (realm.getUserPrincipal() == null) {
      servletRequest.setAttribute(AuthenticationAttributes.USER, KEY_CALLER);
      servletRequest.setAttribute(AuthenticationAttributes.METHOD, KEY_CALLER);
    }
  }

  private void limitReads(ContainerRequestContext request) {
    String client = ClientAddress.resolve(servletRequest.getRemoteAddr(),
        servletRequest.getHeader("X-Forwarded-For"), settings.trustedProxies());
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
