package dev.claudenexus.dashboard.realm;

import static dev.claudenexus.json.JsonProviders.JSON;

import dev.claudenexus.api.access.AccessSettings;
import dev.claudenexus.api.access.AuthenticationMethod;
import dev.claudenexus.api.access.DashboardRoles;
import dev.claudenexus.api.access.KeyFailureLimiter;
import dev.claudenexus.api.access.PresentedKey;
import dev.claudenexus.api.access.SecurityHeaders;
import dev.claudenexus.api.sso.SsoException;
import dev.claudenexus.api.sso.SsoIdentity;
import dev.claudenexus.api.sso.SsoProvider;
import dev.claudenexus.api.sso.SsoTokenValidator;
import dev.claudenexus.api.sso.SsoTokens;
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
 * session that logged in with the key gets the roles {@code viewer} and {@code admin}. With single
 * sign-on, a valid provider token as {@code Authorization: Bearer}, or a session that logged in
 * through the provider, gets the roles its groups map to. An expired single sign-on session is
 * refreshed with its refresh token, or else ends, so the user logs in again. A session's
 * state-changing requests without its CSRF token get 403. Anything else stays anonymous: the API and
 * the pages decide what an anonymous request may do, so a wrong key never turns an open read into
 * 401. The request attribute {@value AuthenticationMethod#ATTRIBUTE} records how a caller
 * authenticated.
 */
@ApplicationScoped
public class DashboardAuthenticationMechanism implements HttpAuthenticationMechanism {

  static final Set<String> KEY_ROLES = Set.of(DashboardRoles.VIEWER, DashboardRoles.ADMIN);
  private static final Logger LOG = Logger.getLogger(DashboardAuthenticationMechanism.class.getName());

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    AccessSettings access = AccessSettings.current();
    if (access.readOnly()) {
      return context.doNothing();
    }
    Optional<SsoProvider> sso = SsoProvider.current();
    String bearer = SsoTokenValidator.bearerToken(request.getHeader("Authorization"));
    if (sso.isPresent() && bearer != null && SsoTokenValidator.looksLikeJwt(bearer)) {
      return validateBearer(request, context, sso.get(), bearer);
    }
    Optional<String> key = access.dashboardKey();
    Optional<String> presented = PresentedKey.from(request::getHeader);
    HttpSession session = request.getSession(false);
    boolean keySession = key.isPresent() && DashboardSession.isAuthenticated(session);
    Optional<SsoTokens> tokens =
        sso.isPresent() ? DashboardSession.ssoTokens(session) : Optional.empty();
    if (key.isPresent() && presented.isPresent()) {
      KeyFailureLimiter failures = KeyFailureLimiter.current();
      long wait = failures.attempt(request, KeyFailureLimiter.Check.HEADER);
      if (wait > 0 && !keySession && tokens.isEmpty()) {
        return rejectKeyGuessing(response, failures.message(wait), wait);
      }
      // A limited client with a logged-in session goes on as that session, without the header key.
      if (wait == 0 && ClientKeys.matches(presented.get(), key.get())) {
        failures.matched(request, KeyFailureLimiter.Check.HEADER);
        return logIn(request, context, "dashboard-key", KEY_ROLES, AuthenticationMethod.DASHBOARD_KEY);
      }
    }
    if (!keySession && tokens.isEmpty()) {
      return context.doNothing();
    }
    if (DashboardSession.changesState(request.getMethod())
        && !DashboardSession.hasCsrfToken(request, session)) {
      LOG.fine(() -> "Rejected a " + request.getMethod() + " of " + request.getRequestURI()
          + " without the session's CSRF token");
      return rejectCsrf(response);
    }
    if (keySession) {
      return logIn(request, context, "dashboard-session", KEY_ROLES, AuthenticationMethod.SESSION);
    }
    Optional<SsoTokens> current = SessionRefresh.current(sso.get(), session, tokens.get());
    if (current.isEmpty()) {
      return context.doNothing();
    }
    SsoIdentity identity = current.get().identity();
    return logIn(request, context, identity.name(), identity.roles(), AuthenticationMethod.OIDC_SESSION);
  }

  private static AuthenticationStatus validateBearer(HttpServletRequest request,
      HttpMessageContext context, SsoProvider provider, String token) {
    try {
      SsoIdentity identity = new SsoTokenValidator(provider).validateBearer(token);
      if (identity.roles().isEmpty()) {
        // The API responds 403 with the reason, so the realm only leaves the caller anonymous.
        return context.doNothing();
      }
      return logIn(request, context, identity.name(), identity.roles(),
          AuthenticationMethod.OIDC_BEARER);
    } catch (SsoException e) {
      // The API filter validates the token again and responds 401 or 503 with the reason.
      return context.doNothing();
    }
  }

  private static AuthenticationStatus logIn(HttpServletRequest request, HttpMessageContext context,
      String name, Set<String> roles, String method) {
    request.setAttribute(AuthenticationMethod.ATTRIBUTE, method);
    return context.notifyContainerAboutLogin(name, roles);
  }

  private static AuthenticationStatus rejectKeyGuessing(HttpServletResponse response, String message,
      long waitSeconds) {
    response.setHeader("Retry-After", Long.toString(waitSeconds));
    String body = JSON.createObjectBuilder()
        .add("error", JSON.createObjectBuilder().add("code", "rate_limited").add("message", message))
        .build()
        .toString();
    return sendFailure(response, 429, body);
  }

  private static AuthenticationStatus rejectCsrf(HttpServletResponse response) {
    String body = JSON.createObjectBuilder()
        .add("error", "Invalid CSRF token")
        .add("message", "Send the page's CSRF token as " + DashboardSession.CSRF_HEADER
            + " or the form field " + DashboardSession.CSRF_FIELD + "; reload the page to get one")
        .build()
        .toString();
    return sendFailure(response, 403, body);
  }

  private static AuthenticationStatus sendFailure(HttpServletResponse response, int status,
      String body) {
    try {
      SecurityHeaders.VALUES.forEach(response::setHeader);
      response.setStatus(status);
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      LOG.fine(() -> "Could not send the " + status + " error: " + e);
    }
    return AuthenticationStatus.SEND_FAILURE;
  }
}
