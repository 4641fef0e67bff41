package dev.claudenexus.dashboard.realm;

import static dev.claudenexus.api.ApiJson.JSON;

import dev.claudenexus.api.access.AccessSettings;
import dev.claudenexus.api.access.DashboardRoles;
import dev.claudenexus.api.access.PresentedKey;
import dev.claudenexus.api.access.SecurityHeaders;
import dev.claudenexus.credentials.ClientKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Authenticates dashboard requests. A request that presents the dashboard key (as
 * {@code X-Dashboard-Key}, {@code X-API-Key} or {@code Authorization: Bearer}) or belongs to a
 * logged-in session gets the roles {@code viewer} and {@code admin}. A session's state-changing
 * requests without its CSRF token get 403. Anything else stays anonymous: the API and the pages
 * decide what an anonymous request may do, so a wrong key never turns an open read into 401.
 */
@ApplicationScoped
public class DashboardAuthenticationMechanism implements HttpAuthenticationMechanism {

  static final Set<String> KEY_ROLES = Set.of(DashboardRoles.VIEWER, DashboardRoles.ADMIN);
  private static final Logger LOG = Logger.getLogger(DashboardAuthenticationMechanism.class.getName());

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    Optional<String> key = AccessSettings.current().dashboardKey();
    if (key.isEmpty()) {
      return context.doNothing();
    }
    Optional<String> presented = PresentedKey.from(request::getHeader);
    if (presented.isPresent() && ClientKeys.matches(presented.get(), key.get())) {
      return context.notifyContainerAboutLogin("dashboard-key", KEY_ROLES);
    }
    HttpSession session = request.getSession(false);
    if (!DashboardSession.isAuthenticated(session)) {
      return context.doNothing();
    }
    if (DashboardSession.changesState(request.getMethod())
        && !DashboardSession.hasCsrfToken(request, session)) {
      LOG.fine(() -> "Rejected a " + request.getMethod() + " of " + request.getRequestURI()
          + " without the session's CSRF token");
      return rejectCsrf(response);
    }
    return context.notifyContainerAboutLogin("dashboard-session", KEY_ROLES);
  }

  private static AuthenticationStatus rejectCsrf(HttpServletResponse response) {
    String body = JSON.createObjectBuilder()
        .add("error", "Invalid CSRF token")
        .add("message", "Send the page's CSRF token as " + DashboardSession.CSRF_HEADER
            + " or the form field " + DashboardSession.CSRF_FIELD + "; reload the page to get one")
        .build()
        .toString();
    try {
      SecurityHeaders.VALUES.forEach(response::setHeader);
      response.setStatus(403);
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      LOG.fine(() -> "Could not send the CSRF error: " + e);
    }
    return AuthenticationStatus.SEND_FAILURE;
  }
}
