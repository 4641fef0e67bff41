package dev.claudenexus.dashboard.sso;

import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import dev.claudenexus.api.sso.SsoClient;
import dev.claudenexus.api.sso.SsoException;
import dev.claudenexus.api.sso.SsoProvider;
import dev.claudenexus.dashboard.realm.DashboardSession;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * {@code GET /dashboard/sso/login}: the login form's single sign-on button. It starts a login with a
 * new state, nonce and PKCE verifier, binds it to the browser's session and redirects to the
 * provider. 404 while single sign-on is off.
 */
@WebServlet("/dashboard/sso/login")
public class SsoLoginServlet extends HttpServlet {

  /** Session attribute with the binding of the login the session started last. */
  static final String BINDING = SsoLoginServlet.class.getName() + ".binding";

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(SsoLoginServlet.class.getName());

  @Inject transient PendingLogins pending;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Optional<SsoProvider> sso = SsoProvider.current();
    if (sso.isEmpty()) {
      response.sendError(404);
      return;
    }
    State state = new State();
    Nonce nonce = new Nonce();
    CodeVerifier verifier = new CodeVerifier();
    URI redirectUri = SsoPages.redirectUri(request);
    URI target;
    try {
      target = new SsoClient(sso.get()).authorizationUri(redirectUri, state, nonce, verifier);
    } catch (SsoException e) {
      LOG.warning(() -> "A single sign-on login could not start: " + e.getMessage());
      SsoPages.error(response, 503, "Single sign-on is unavailable", "The identity provider could"
          + " not be reached. Try again in a minute, or log in with the dashboard key.");
      return;
    }
    HttpSession session = request.getSession(true);
    String binding = DashboardSession.newToken();
    session.setAttribute(BINDING, binding);
    pending.put(state.getValue(),
        new PendingLogins.PendingLogin(verifier, nonce, binding, redirectUri, Instant.now()));
    response.setHeader("Cache-Control", "no-store");
    response.sendRedirect(target.toString());
  }
}
