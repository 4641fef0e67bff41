package dev.claudenexus.api.sso;

/** The provider's metadata or keys could not be fetched, so no token can be checked for now. */
public class SsoUnavailableException extends SsoException {

  private static final long serialVersionUID = 1L;

  public SsoUnavailableException(String message) {
    super(message);
  }

  public SsoUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
