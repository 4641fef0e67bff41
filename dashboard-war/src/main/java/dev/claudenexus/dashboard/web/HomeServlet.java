package dev.claudenexus.dashboard.web;

import dev.claudenexus.api.access.AccessSettings;
import dev.claudenexus.api.access.DashboardRoles;
import dev.claudenexus.dashboard.realm.DashboardSession;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /} redirects to {@code /dashboard}, the entry page. With a dashboard key, a visitor who has
 * not logged in is sent to the login form.
 */
@WebServlet(urlPatterns = {"", "/dashboard"})
public class HomeServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (!"/dashboard".equals(request.getServletPath())) {
      response.sendRedirect("/dashboard");
      return;
    }
    boolean readOnly = AccessSettings.current().readOnly();
    if (!readOnly && !request.isUserInRole(DashboardRoles.VIEWER)) {
      response.sendRedirect("/dashboard/login");
      return;
    }
    String token = readOnly ? null : DashboardSession.csrfToken(request.getSession(true));
    String mode = readOnly
        ? "<p><strong>Read-only mode:</strong> DASHBOARD_API_KEY is not set, so every stored prompt"
            + " and response is readable here without a key.</p>"
        : "<p><a href=\"/dashboard/logout\">Log out</a></p>";
    Html.send(response, "Claude Nexus", token, "<h1>Claude Nexus dashboard</h1>" + mode
        + "<ul><li><a href=\"/api/requests?limit=20\">Recent requests</a></li>"
        + "<li><a href=\"/api/token-usage/current\">Token usage of the last 5 hours</a></li>"
        + "<li><a href=\"/api/domains\">Domains</a></li></ul>");
  }
}
