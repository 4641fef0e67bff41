package dev.claudenexus.dashboard.realm;

import dev.claudenexus.api.sso.SsoTokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * The state of a browser session: whether it has logged in with the dashboard key or through single
 * sign-on (then with the provider's tokens, kept on the server only), and its CSRF token. The token
 * is created with the session (the login form needs one too) and replaced at login.
 */
public final class DashboardSession {

  /** Form field that carries the CSRF token. */
  public static final String CSRF_FIELD = "_csrf";

  /** Header that carries the CSRF token on script requests. */
  public static final String CSRF_HEADER = "X-CSRF-Token";

  private static final String AUTHENTICATED = DashboardSession.class.getName() + ".authenticated";
  private static final String CSRF_TOKEN = DashboardSession.class.getName() + ".csrf";
  private static final String SSO_TOKENS = DashboardSession.class.getName() + ".ssoTokens";
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
  private static final SecureRandom RANDOM = new SecureRandom();

  private DashboardSession() {}

  /** Returns whether the session has logged in with the dashboard key. */
  public static boolean isAuthenticated(HttpSession session) {
    return session != null && Boolean.TRUE.equals(session.getAttribute(AUTHENTICATED));
  }

  /** Marks the session as logged in and gives it a new CSRF token. */
  public static void logIn(HttpSession session, int idleMinutes) {
    session.setAttribute(AUTHENTICATED, Boolean.TRUE);
    session.setAttribute(CSRF_TOKEN, newToken());
    session.setMaxInactiveInterval(idleMinutes * 60);
  }

  /** Marks the session as logged in through single sign-on and gives it a new CSRF token. */
  public static void logInWithSso(HttpSession session, SsoTokens tokens, int idleMinutes) {
    session.setAttribute(SSO_TOKENS, tokens);
    session.setAttribute(CSRF_TOKEN, newToken());
    session.setMaxInactiveInterval(idleMinutes * 60);
  }

  /** Returns the single sign-on tokens of the session, or empty when it did not log in that way. */
  public static Optional<SsoTokens> ssoTokens(HttpSession session) {
    return session != null && session.getAttribute(SSO_TOKENS) instanceof SsoTokens tokens
        ? Optional.of(tokens) : Optional.empty();
  }

  /** Replaces the session's single sign-on tokens after a refresh. */
  public static void updateSsoTokens(HttpSession session, SsoTokens tokens) {
    session.setAttribute(SSO_TOKENS, tokens);
  }

  /** Ends the single sign-on login of the session but keeps the session for the login form. */
  public static void endSso(HttpSession session) {
    session.removeAttribute(SSO_TOKENS);
  }

  /** Returns the session's CSRF token, creating it on first use. */
  public static String csrfToken(HttpSession session) {
    synchronized (session) {
      Object token = session.getAttribute(CSRF_TOKEN);
      if (token instanceof String existing) {
        return existing;
      }
      String created = newToken();
      session.setAttribute(CSRF_TOKEN, created);
      return created;
    }
  }

  /** Returns whether the method changes state and therefore needs the CSRF token. */
  public static boolean changesState(String method) {
    return !SAFE_METHODS.contains(method);
  }

  /**
   * Returns whether the request carries the session's CSRF token, in the {@value #CSRF_HEADER}
   * header or the {@value #CSRF_FIELD} field of a urlencoded form; compared in constant time.
   */
  public static boolean hasCsrfToken(HttpServletRequest request, HttpSession session) {
    Object expected = session.getAttribute(CSRF_TOKEN);
    if (!(expected instanceof String token)) {
      return false;
    }
    String presented = request.getHeader(CSRF_HEADER);
    String contentType = request.getContentType();
    if (presented == null && contentType != null
        && contentType.startsWith("application/x-www-form-urlencoded")) {
      presented = request.getParameter(CSRF_FIELD);
    }
    return presented != null && MessageDigest.isEqual(
        presented.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
  }

  /** Returns 32 random bytes as hex, for CSRF tokens and login bindings. */
  public static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
