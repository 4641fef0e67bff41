package dev.claudenexus.dashboard.web;

import dev.claudenexus.api.access.AccessSettings;
import dev.claudenexus.api.access.DashboardRoles;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Guards the dashboard pages and gives the pages of one item their paths. With a dashboard key or
 * single sign-on, a visitor who has not logged in is sent to the login form, whose single sign-on
 * pages under {@code /dashboard/sso/} are open too. {@code /dashboard/request/{id}},
 * {@code /dashboard/conversation/{id}} and {@code /dashboard/prompts/{id}} are forwarded to their
 * page with the id as the {@code id} parameter.
 */
public class PageAccessFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final Pattern ITEM_PATH =
      Pattern.compile("/dashboard/(request|conversation|prompts)/([^/]+)/?");
  private static final Map<String, String> ITEM_VIEWS = Map.of(
      "request", "/dashboard/request.xhtml",
      "conversation", "/dashboard/conversation.xhtml",
      "prompts", "/dashboard/prompt.xhtml");

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    // The open pages are matched on the path the container resolved: the raw path of
    // /dashboard/sso/../requests.xhtml starts with /dashboard/sso/ but shows the requests page.
    String resolved = request.getServletPath() + Objects.toString(request.getPathInfo(), "");
    if (resolved.equals("/dashboard/login") || resolved.equals("/dashboard/logout")
        || resolved.startsWith("/dashboard/sso/")) {
      chain.doFilter(request, response);
      return;
    }
    if (!AccessSettings.current().readOnly() && !request.isUserInRole(DashboardRoles.VIEWER)) {
      response.sendRedirect(request.getContextPath() + "/dashboard/login");
      return;
    }
    Matcher item = ITEM_PATH.matcher(path);
    if (item.matches()) {
      String query = request.getQueryString();
      String target = ITEM_VIEWS.get(item.group(1)) + "?id="
          + URLEncoder.encode(item.group(2), StandardCharsets.UTF_8)
          + (query == null ? "" : "&" + query);
      request.getRequestDispatcher(target).forward(request, response);
      return;
    }
    chain.doFilter(request, response);
  }
}
