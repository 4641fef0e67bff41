package dev.claudenexus.api.access;

/**
 * A login, logout or rejected login of the dashboard, fired as a CDI event by the code that
 * authenticates; the audit trail observes it. The key login form and single sign-on fire the same
 * type.
 *
 * @param user the principal's name, or what the caller claimed to be when the login failed (never a
 *     key or token)
 * @param method how the caller authenticated or tried to: {@code dashboard-key}, {@code
 *     dashboard-session}, {@code oidc}
 * @param kind {@value #LOGIN}, {@value #LOGOUT} or {@value #FAILED}
 * @param address the client's address, resolved with {@link ClientAddress}
 */
public record AuthenticationEvent(String user, String method, String kind, String address) {

  /** A successful login. */
  public static final String LOGIN = "login";

  /** An explicit logout. */
  public static final String LOGOUT = "logout";

  /** A rejected login: wrong key, invalid token, or a user in no allowed group. */
  public static final String FAILED = "failed";
}
