package dev.claudenexus.api.access;

/**
 * A login, logout or failed login of the dashboard. The key login form and single sign-on fire it as
 * a CDI event after the fact, so an observer such as the audit trail cannot change the outcome.
 *
 * @param user the principal name (for single sign-on preferred_username, else email, else subject),
 *     or what the caller claimed to be when the login failed; {@code null} when nothing named a user.
 *     Never a key or token
 * @param method how the caller authenticated or tried to, one of the {@link AuthenticationMethod}
 *     values
 * @param kind {@value #LOGIN}, {@value #LOGOUT} or {@value #FAILED}
 * @param address the client's address, resolved through {@code TRUSTED_PROXIES}
 */
public record AuthenticationEvent(String user, String method, String kind, String address) {

  /** A login that started a session. */
  public static final String LOGIN = "login";

  /** A session that ended at the user's request. */
  public static final String LOGOUT = "logout";

  /**
   * A rejected login: a wrong key, an invalid response from the provider, or a user in none of the
   * configured groups.
   */
  public static final String FAILED = "failed";
}
