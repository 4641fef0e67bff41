package dev.claudenexus.api.audit;

import dev.claudenexus.api.access.AccessSettings;
import dev.claudenexus.api.access.AuthenticationAttributes;
import dev.claudenexus.api.access.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Set;

/**
 * The caller of a request: its user, authentication method, address and service.
 *
 * @param user the caller principal's name, or {@code anonymous}
 * @param method the authentication method, from the request attribute
 *     {@link AuthenticationAttributes#METHOD} when the mechanism set it
 * @param address the client address after trusted proxies
 * @param service the service and local port, such as {@code dashboard:3001}
 */
public record Caller(String user, String method, String address, String service) {

  static final String ANONYMOUS = "anonymous";

  /** The principal names of the dashboard realm, which are also its methods. */
  private static final Set<String> DASHBOARD_PRINCIPALS = Set.of("dashboard-key", "dashboard-session");

  /** Returns the caller of {@code request}, which came through {@code service}. */
  public static Caller of(HttpServletRequest request, String service) {
    Principal principal = request.getUserPrincipal();
    String user = ANONYMOUS;
    if (principal != null) {
      user = principal.getName();
    } else if (request.getAttribute(AuthenticationAttributes.USER) instanceof String named) {
      user = named;
    }
    return new Caller(user, method(request, user), address(request),
        service + ":" + request.getLocalPort());
  }

  private static String method(HttpServletRequest request, String user) {
    if (request.getAttribute(AuthenticationAttributes.METHOD) instanceof String method
        && !method.isBlank()) {
      return method;
    }
    if (DASHBOARD_PRINCIPALS.contains(user)) {
      return user;
    }
    return ANONYMOUS.equals(user) ? ANONYMOUS : "container";
  }

  /** Returns the client's address, honouring {@code TRUSTED_PROXIES}. */
  public static String address(HttpServletRequest request) {
    return ClientAddress.of(request, AccessSettings.current().trustedProxies());
  }
}
