package dev.claudenexus.dashboard.web;

import dev.claudenexus.api.access.AuthenticationEvent;
import dev.claudenexus.dashboard.realm.DashboardSession;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * {@code GET /dashboard/logout}: ends the browser session and returns to the login form. Ending a
 * logged-in session is reported as an {@link AuthenticationEvent} for the audit trail.
 */
@WebServlet("/dashboard/logout")
public class LogoutServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient Event<AuthenticationEvent> authentication;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    HttpSession session = request.getSession(false);
    if (session != null) {
      boolean loggedIn = DashboardSession.isAuthenticated(session);
      session.invalidate();
      if (loggedIn) {
        authentication.fire(new AuthenticationEvent(LoginServlet.SESSION_CALLER,
            LoginServlet.SESSION_CALLER, AuthenticationEvent.LOGOUT,
            LoginServlet.clientAddress(request)));
      }
    }
    response.sendRedirect("/dashboard/login");
  }
}
