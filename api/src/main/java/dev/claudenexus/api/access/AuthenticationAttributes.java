package dev.claudenexus.api.access;

/**
 * Request attributes in which the code that authenticates a request describes the caller for the
 * audit trail.
 */
public final class AuthenticationAttributes {

  /**
   * The caller's authentication method ({@code oidc}, {@code dashboard-key}). Without it the
   * method is derived from the principal's name.
   */
  public static final String METHOD = AuthenticationMethod.ATTRIBUTE;

  /** The caller's name for a request that has no container principal but presented the key. */
  public static final String USER = "nexus.auth.user";

  private AuthenticationAttributes() {}
}
