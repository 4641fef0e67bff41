package dev.claudenexus.dashboard.sso;

import dev.claudenexus.api.access.AuthenticationEvent;
import dev.claudenexus.api.access.AuthenticationMethod;
import dev.claudenexus.api.sso.SsoProvider;
import dev.claudenexus.dashboard.web.Html;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/**
 * {@code GET /dashboard/sso/callback}: the redirect URI that the provider sends the browser back to.
 * The browser sends no session cookie with this cross-site navigation, so the page only moves it on
 * to {@code /dashboard/sso/complete} with the same state and code, a same-site navigation that
 * carries the cookie. An error from the provider (such as a cancelled login) is shown instead.
 */
@WebServlet(SsoPages.CALLBACK_PATH)
public class SsoCallbackServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(SsoCallbackServlet.class.getName());

  @Inject transient PendingLogins pending;
  @Inject transient Event<AuthenticationEvent> events;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (SsoProvider.current().isEmpty()) {
      response.sendError(404);
      return;
    }
    String state = request.getParameter("state");
    String error = request.getParameter("error");
    if (error != null) {
      if (SsoPages.valid(state, SsoPages.MAX_STATE_LENGTH)) {
        pending.take(state);
      }
      String reason = SsoPages.shorten(error, 100);
      LOG.info(() -> "The identity provider returned the error " + reason + " to a login from "
          + SsoPages.clientAddress(request));
      SsoPages.fire(events, new AuthenticationEvent(null, AuthenticationMethod.OIDC_SESSION,
          AuthenticationEvent.FAILED, SsoPages.clientAddress(request)));
      SsoPages.error(response, 401, "Login failed", "The identity provider ended the login with the"
          + " error \"" + reason + "\". Start the login again.");
      return;
    }
    String code = request.getParameter("code");
    if (!SsoPages.valid(state, SsoPages.MAX_STATE_LENGTH) || !SsoPages.valid(code, SsoPages.MAX_CODE_LENGTH)) {
      SsoPages.error(response, 400, "Invalid login response", "The identity provider's response"
          + " lacks a valid code or state. Start the login again from the login page.");
      return;
    }
    String next = "/dashboard/sso/complete?state=" + URLEncoder.encode(state, StandardCharsets.UTF_8)
        + "&code=" + URLEncoder.encode(code, StandardCharsets.UTF_8);
    Html.send(response, "Logging in - Claude Nexus", null,
        "<meta http-equiv=\"refresh\" content=\"0;url=" + Html.escape(next) + "\">"
            + "<main class=\"nexus-login\"><p>Finishing the login... <a id=\"sso-continue\" href=\""
            + Html.escape(next) + "\">Continue</a></p></main>");
  }
}
