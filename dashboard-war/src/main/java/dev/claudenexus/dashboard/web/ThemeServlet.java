package dev.claudenexus.dashboard.web;

import dev.claudenexus.dashboard.pages.ThemePreference;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * {@code POST /dashboard/theme}: switches the session between the light and the dark theme and
 * returns to the page named by the {@code return} field, a dashboard path of this service. The
 * dashboard realm checks the CSRF token of a logged-in session before this runs.
 */
@WebServlet("/dashboard/theme")
public class ThemeServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  /** A dashboard path with an optional query: never another host, never a scheme. */
  private static final Pattern LOCAL_PAGE = Pattern.compile("/dashboard(/[A-Za-z0-9._~%/-]*)?(\\?[^\\s#]*)?");

  @Inject ThemePreference theme;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    theme.toggle();
    String target = request.getParameter("return");
    if (target == null || !LOCAL_PAGE.matcher(target).matches() || target.contains("//")) {
      target = "/dashboard";
    }
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", target);
  }
}
