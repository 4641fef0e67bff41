package dev.claudenexus.dashboard.web;

import dev.claudenexus.api.access.AccessSettings;
import dev.claudenexus.api.access.AuthenticationEvent;
import dev.claudenexus.api.access.ClientAddress;
import dev.claudenexus.api.access.KeyFailureLimiter;
import dev.claudenexus.api.sso.SsoProvider;
import dev.claudenexus.credentials.ClientKeys;
import dev.claudenexus.dashboard.DashboardSettings;
import dev.claudenexus.dashboard.realm.DashboardSession;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * {@code /dashboard/login}: the login form, and its POST, which compares the form field {@code key}
 * with the dashboard key in constant time. A match starts a logged-in server-side session under a new
 * session id; the key itself is never stored in a cookie. The form's POST needs the CSRF token of the
 * session that showed it. With single sign-on the page also offers its button, and without a
 * dashboard key only that. In read-only mode there is nothing to log in to, so both redirect to
 * {@code /dashboard}.
 */
@WebServlet("/dashboard/login")
public class LoginServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(LoginServlet.class.getName());
  /** The caller name of a session that logged in with the key, as the dashboard realm names it. */
  static final String SESSION_CALLER = "dashboard-session";
  private static final String KEY_METHOD = "dashboard-key";

  @Inject transient Event<AuthenticationEvent> authentication;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (AccessSettings.current().readOnly()) {
      response.sendRedirect("/dashboard");
      return;
    }
    String token = DashboardSession.csrfToken(request.getSession(true));
    String error = "invalid".equals(request.getParameter("error"))
        ? "<p role=\"alert\">The key is not valid.</p>" : "";
    String sso = SsoProvider.current().isEmpty() ? ""
        : "<p><a id=\"sso-login\" class=\"nexus-sso-button\" href=\"/dashboard/sso/login\">"
            + "Log in with single sign-on</a></p>";
    String keyForm = AccessSettings.current().dashboardKey().isEmpty() ? ""
        : "<form id=\"login-form\" method=\"post\" action=\"/dashboard/login\">"
            + "<input type=\"hidden\" name=\"" + DashboardSession.CSRF_FIELD + "\" value=\""
            + Html.escape(token) + "\">"
            + "<label for=\"key\">Dashboard key</label> <input id=\"key\" type=\"password\" name=\"key\""
            + " autocomplete=\"current-password\" required autofocus>"
            + " <button id=\"login\" type=\"submit\">Log in</button></form>";
    Html.send(response, "Log in - Claude Nexus", token, "<main class=\"nexus-login\">"
        + "<h1>Claude Nexus dashboard</h1>" + error + sso + keyForm + "</main>");
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Optional<String> key = AccessSettings.current().dashboardKey();
    if (key.isEmpty()) {
      response.sendRedirect("/dashboard");
      return;
    }
    HttpSession session = request.getSession(false);
    if (session == null || !DashboardSession.hasCsrfToken(request, session)) {
      response.setStatus(403);
      Html.send(response, "Log in - Claude Nexus", null, "<h1>Invalid CSRF token</h1><p>The login form"
          + " has expired. <a href=\"/dashboard/login\">Load it again</a> and log in.</p>");
      return;
    }
    KeyFailureLimiter failures = KeyFailureLimiter.current();
    long wait = failures.attempt(request, KeyFailureLimiter.Check.FORM);
    if (wait > 0) {
      response.setStatus(429);
      response.setHeader("Retry-After", Long.toString(wait));
      Html.send(response, "Log in - Claude Nexus", null, "<h1>Too many wrong keys</h1><p role=\"alert\">"
          + Html.escape(failures.message(wait)) + " <a href=\"/dashboard/login\">Load the form"
          + " again</a> then.</p>");
      return;
    }
    String presented = request.getParameter("key");
    if (presented == null || !ClientKeys.matches(presented.strip(), key.get())) {
      LOG.info(() -> "Rejected a dashboard login with an invalid key from " + clientAddress(request));
      authentication.fire(new AuthenticationEvent("anonymous", KEY_METHOD,
          AuthenticationEvent.FAILED, clientAddress(request)));
      response.sendRedirect("/dashboard/login?error=invalid");
      return;
    }
    failures.matched(request, KeyFailureLimiter.Check.FORM);
    // A new session id, so an id planted before the login (session fixation) does not log in too.
    request.changeSessionId();
    DashboardSession.logIn(session, DashboardSettings.current().sessionIdleMinutes());
    LOG.info(() -> "Dashboard login from " + clientAddress(request));
    authentication.fire(new AuthenticationEvent(SESSION_CALLER, KEY_METHOD,
        AuthenticationEvent.LOGIN, clientAddress(request)));
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", "/dashboard");
  }

  static String clientAddress(HttpServletRequest request) {
    return ClientAddress.of(request, AccessSettings.current().trustedProxies());
  }
}
