package dev.claudenexus.dashboard.web;

import dev.claudenexus.api.access.AuthenticationEvent;
import dev.claudenexus.api.access.AuthenticationMethod;
import dev.claudenexus.api.sso.SsoClient;
import dev.claudenexus.api.sso.SsoProvider;
import dev.claudenexus.api.sso.SsoTokens;
import dev.claudenexus.dashboard.realm.DashboardSession;
import dev.claudenexus.dashboard.sso.SsoPages;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/**
 * {@code GET /dashboard/logout}: ends the browser session and returns to the login form. A session
 * that logged in through single sign-on also logs out at the provider when it advertises an
 * {@code end_session_endpoint}: the browser goes there with {@code id_token_hint} and
 * {@code post_logout_redirect_uri}, and the provider sends it back to the login form. Ending a
 * logged-in session is reported as an {@link AuthenticationEvent} for the audit trail.
 */
@WebServlet("/dashboard/logout")
public class LogoutServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient Event<AuthenticationEvent> events;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    HttpSession session = request.getSession(false);
    Optional<SsoTokens> tokens = DashboardSession.ssoTokens(session);
    if (session != null) {
      boolean loggedIn = DashboardSession.isAuthenticated(session);
      session.invalidate();
      if (loggedIn && tokens.isEmpty()) {
        events.fire(new AuthenticationEvent(LoginServlet.SESSION_CALLER,
            LoginServlet.SESSION_CALLER, AuthenticationEvent.LOGOUT,
            LoginServlet.clientAddress(request)));
      }
    }
    if (tokens.isPresent()) {
      SsoPages.fire(events, new AuthenticationEvent(tokens.get().identity().name(),
          AuthenticationMethod.OIDC_SESSION, AuthenticationEvent.LOGOUT, SsoPages.clientAddress(request)));
      Optional<URI> providerLogout = SsoProvider.current().flatMap(provider -> new SsoClient(provider)
          .logoutUri(tokens.get().idToken(), SsoPages.postLogoutUri(request)));
      if (providerLogout.isPresent()) {
        response.sendRedirect(providerLogout.get().toString());
        return;
      }
    }
    response.sendRedirect("/dashboard/login");
  }
}
