package dev.claudenexus.proxy.oauth;

/** Failure of a token refresh. The message states the cause and the remedy, never a token. */
public class OAuthRefreshException extends Exception {

  private static final long serialVersionUID = 1L;

  private final boolean reauthenticationRequired;

  public OAuthRefreshException(String message, boolean reauthenticationRequired, Throwable cause) {
    super(message, cause);
    this.reauthenticationRequired = reauthenticationRequired;
  }

  /** Returns whether the refresh token was rejected, so only a new login can fix it. */
  public boolean reauthenticationRequired() {
    return reauthenticationRequired;
  }
}
