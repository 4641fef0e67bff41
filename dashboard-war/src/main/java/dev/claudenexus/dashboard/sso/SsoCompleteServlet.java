package dev.claudenexus.dashboard.sso;

import dev.claudenexus.api.access.AuthenticationEvent;
import dev.claudenexus.api.access.AuthenticationMethod;
import dev.claudenexus.api.sso.SsoClient;
import dev.claudenexus.api.sso.SsoException;
import dev.claudenexus.api.sso.SsoProvider;
import dev.claudenexus.api.sso.SsoTokens;
import dev.claudenexus.api.sso.SsoUnavailableException;
import dev.claudenexus.config.SsoSettings;
import dev.claudenexus.dashboard.DashboardSettings;
import dev.claudenexus.dashboard.realm.DashboardSession;
import dev.claudenexus.dashboard.web.Html;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * {@code GET /dashboard/sso/complete}: finishes a single sign-on login. It takes the pending login
 * of the state (once), checks that this session started it, exchanges the code with the PKCE
 * verifier and validates the ID token with the nonce. A user with a role gets a logged-in session
 * under a new session id; a user in none of the configured groups gets a page that explains why and which groups to ask for.
 */
@WebServlet("/dashboard/sso/complete")
public class SsoCompleteServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(SsoCompleteServlet.class.getName());

  @Inject transient PendingLogins pending;
  @Inject transient Event<AuthenticationEvent> events;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Optional<SsoProvider> sso = SsoProvider.current();
    if (sso.isEmpty()) {
      response.sendError(404);
      return;
    }
    String state = request.getParameter("state");
    String code = request.getParameter("code");
    if (!SsoPages.valid(state, SsoPages.MAX_STATE_LENGTH) || !SsoPages.valid(code, SsoPages.MAX_CODE_LENGTH)) {
      SsoPages.error(response, 400, "Invalid login response", "The login response lacks a valid code"
          + " or state. Start the login again from the login page.");
      return;
    }
    Optional<PendingLogins.PendingLogin> login = pending.take(state);
    if (login.isEmpty()) {
      SsoPages.error(response, 400, "Login expired", "This login is unknown, was already used, or"
          + " took longer than 10 minutes. Start the login again.");
      return;
    }
    HttpSession session = request.getSession(false);
    if (session == null || !sameBinding(session.getAttribute(SsoLoginServlet.BINDING), login.get().binding())) {
      LOG.info(() -> "Rejected a single sign-on completion from " + SsoPages.clientAddress(request)
          + " whose session did not start the login");
      SsoPages.error(response, 400, "Login started elsewhere", "This login was started in another"
          + " browser, tab or session. Start the login again in this window.");
      return;
    }
    session.removeAttribute(SsoLoginServlet.BINDING);
    finish(request, response, sso.get(), session, code, login.get());
  }

  private void finish(HttpServletRequest request, HttpServletResponse response, SsoProvider provider,
      HttpSession session, String code, PendingLogins.PendingLogin login) throws IOException {
    String address = SsoPages.clientAddress(request);
    SsoTokens tokens;
    try {
      tokens = new SsoClient(provider).exchangeCode(code, login.redirectUri(), login.verifier(),
          login.nonce());
    } catch (SsoUnavailableException e) {
      LOG.warning(() -> "A single sign-on login could not finish: " + e.getMessage());
      SsoPages.error(response, 503, "Single sign-on is unavailable", "The identity provider could not"
          + " be reached. Try again in a minute, or log in with the dashboard key.");
      return;
    } catch (SsoException e) {
      LOG.info(() -> "Rejected a single sign-on login from " + address + ": " + e.getMessage());
      SsoPages.fire(events, new AuthenticationEvent(null, AuthenticationMethod.OIDC_SESSION,
          AuthenticationEvent.FAILED, address));
      SsoPages.error(response, 401, "Login failed", "The identity provider's answer could not be"
          + " verified. Start the login again; if it keeps failing, ask an administrator to check the"
          + " dashboard's log.");
      return;
    }
    String user = tokens.identity().name();
    if (tokens.identity().roles().isEmpty()) {
      LOG.info(() -> "Rejected the single sign-on login of " + user + " from " + address
          + ": the user is in none of the configured groups");
      SsoPages.fire(events, new AuthenticationEvent(user, AuthenticationMethod.OIDC_SESSION,
          AuthenticationEvent.FAILED, address));
      sendNoGroupPage(response, user, provider.settings());
      return;
    }
    // A new session id, so an id planted before the login (session fixation) does not log in too.
    request.changeSessionId();
    DashboardSession.logInWithSso(session, tokens, DashboardSettings.current().sessionIdleMinutes());
    LOG.info(() -> "Single sign-on login of " + user + " with the roles " + new TreeSet<>(tokens.identity().roles())
        + " from " + address);
    SsoPages.fire(events, new AuthenticationEvent(user, AuthenticationMethod.OIDC_SESSION,
        AuthenticationEvent.LOGIN, address));
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", "/dashboard");
  }

  private static void sendNoGroupPage(HttpServletResponse response, String user, SsoSettings settings)
      throws IOException {
    response.setStatus(403);
    Html.send(response, "Access denied - Claude Nexus", null, "<main class=\"nexus-login\">"
        + "<h1 id=\"sso-refused\">Access denied</h1>"
        + "<p>You logged in as <strong>" + Html.escape(user) + "</strong>, but your account is in none"
        + " of the groups that may use this dashboard.</p>"
        + "<p>Ask your administrator to add you to a viewer group (" + groupList(settings.viewerGroups())
        + ") to read, or to an admin group (" + groupList(settings.adminGroups()) + ") to also start"
        + " analyses, send feedback and sync prompts. Then log in again.</p>"
        + "<p><a id=\"sso-retry\" href=\"/dashboard/login\">Back to the login page</a></p></main>");
  }

  private static String groupList(java.util.Set<String> groups) {
    return groups.isEmpty() ? "none configured" : Html.escape(String.join(", ", new TreeSet<>(groups)));
  }

  private static boolean sameBinding(Object stored, String expected) {
    return stored instanceof String binding && MessageDigest.isEqual(
        binding.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }
}
