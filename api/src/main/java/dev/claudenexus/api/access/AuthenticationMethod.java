package dev.claudenexus.api.access;

/**
 * The ways a request can be authenticated. The realm of each war stores one of these values in the
 * request attribute {@value #ATTRIBUTE}, so that later code (the audit trail) can record it.
 */
public final class AuthenticationMethod {

  /** Name of the request attribute that contains the method. */
  public static final String ATTRIBUTE = "nexus.auth.method";

  /** The dashboard key, sent as a header. */
  public static final String DASHBOARD_KEY = "dashboard-key";

  /** A browser session started with the dashboard key on the login form. */
  public static final String SESSION = "session";

  /** A browser session started by a single sign-on login. */
  public static final String OIDC_SESSION = "oidc-session";

  /** A token of the OpenID Connect provider, sent as {@code Authorization: Bearer}. */
  public static final String OIDC_BEARER = "oidc-bearer";

  private AuthenticationMethod() {}
}
