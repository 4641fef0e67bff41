package dev.claudenexus.api.access;

/**
 * A CDI event fired when a single sign-on login finishes, a session logs out, or a login is
 * rejected. Observers such as an audit trail record it; the dashboard fires it after the fact, so an
 * observer cannot change the outcome.
 *
 * @param user the principal name (preferred_username, else email, else subject), or {@code null}
 *     when the provider named no user
 * @param method how the user authenticated, one of the {@link AuthenticationMethod} values
 * @param kind {@link #LOGIN}, {@link #LOGOUT} or {@link #REJECTED}
 * @param address the client's address, resolved through {@code TRUSTED_PROXIES}
 */
public record AuthenticationEvent(String user, String method, String kind, String address) {

  /** A login that started a session. */
  public static final String LOGIN = "login";

  /** A session that ended at the user's request. */
  public static final String LOGOUT = "logout";

  /** A login that the dashboard rejected, such as a user in none of the configured groups. */
  public static final String REJECTED = "rejected";
}
