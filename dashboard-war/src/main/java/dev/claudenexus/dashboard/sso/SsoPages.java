package dev.claudenexus.dashboard.sso;

import dev.claudenexus.api.access.AccessSettings;
import dev.claudenexus.api.access.AuthenticationEvent;
import dev.claudenexus.api.access.ClientAddress;
import dev.claudenexus.dashboard.web.Html;
import jakarta.enterprise.event.Event;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/** Helpers of the single sign-on servlets: the dashboard's own URLs, events and error pages. */
public final class SsoPages {

  /** Path of the redirect URI to register at the provider. */
  public static final String CALLBACK_PATH = "/dashboard/sso/callback";
  /** Path of the post-logout redirect URI to register at the provider. */
  public static final String POST_LOGOUT_PATH = "/dashboard/login";

  static final int MAX_STATE_LENGTH = 512;
  static final int MAX_CODE_LENGTH = 4096;

  private static final Logger LOG = Logger.getLogger(SsoPages.class.getName());
  /** A host name or address with an optional port, as a Host header may carry it. */
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]{1,253}(:[0-9]{1,5})?"
      + "|\\[[0-9A-Fa-f:.]{2,45}\\](:[0-9]{1,5})?");

  private SsoPages() {}

  /**
   * Returns the dashboard's address as the browser uses it: the request's scheme (HTTPS behind a
   * proxy that sends {@code X-Forwarded-Proto}) and its Host header. A forged Host header only
   * yields a redirect URI that the provider rejects, because the provider compares it with the
   * registered one.
   */
  static String baseUrl(HttpServletRequest request) {
    return baseUrl(request.getScheme(), request.getHeader("Host"), request.getServerName(),
        request.getServerPort());
  }

  /** Returns {@code scheme://host}, with the server's name and port when the Host header is invalid. */
  static String baseUrl(String scheme, String hostHeader, String serverName, int serverPort) {
    String host = hostHeader != null && HOST.matcher(hostHeader).matches()
        ? hostHeader : serverName + ":" + serverPort;
    return scheme + "://" + host;
  }

  static URI redirectUri(HttpServletRequest request) {
    return URI.create(baseUrl(request) + CALLBACK_PATH);
  }

  /** Returns where the provider sends the browser after logging out. */
  public static URI postLogoutUri(HttpServletRequest request) {
    return URI.create(baseUrl(request) + POST_LOGOUT_PATH);
  }

  /** Returns the client's address, resolved through {@code TRUSTED_PROXIES}. */
  public static String clientAddress(HttpServletRequest request) {
    return ClientAddress.of(request, AccessSettings.current().trustedProxies());
  }

  /** Fires an authentication event; a failing observer is logged and never changes the outcome. */
  public static void fire(Event<AuthenticationEvent> events, AuthenticationEvent event) {
    try {
      events.fire(event);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "An observer of the " + event.kind() + " event of " + event.user()
          + " failed", e);
    }
  }

  /** Returns whether a query parameter is present and no longer than {@code maxLength}. */
  static boolean valid(String value, int maxLength) {
    return value != null && !value.isEmpty() && value.length() <= maxLength;
  }

  /** Sends an error page with a link back to the login form; {@code message} is escaped here. */
  static void error(HttpServletResponse response, int status, String heading, String message)
      throws IOException {
    response.setStatus(status);
    Html.send(response, "Single sign-on - Claude Nexus", null, "<main class=\"nexus-login\">"
        + "<h1 id=\"sso-error\">" + Html.escape(heading) + "</h1><p>" + Html.escape(message) + "</p>"
        + "<p><a id=\"sso-retry\" href=\"/dashboard/login\">Back to the login page</a></p></main>");
  }

  /** Shortens text from the provider for a page or log line. */
  static String shorten(String text, int maxLength) {
    return text.length() <= maxLength ? text : text.substring(0, maxLength) + "...";
  }
}
