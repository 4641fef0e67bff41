package dev.claudenexus.api.sso;

/**
 * A failed single sign-on step: the provider could not be reached, refused a request, or sent a
 * token that is not valid. The message names what failed and never contains a token or secret.
 */
public class SsoException extends Exception {

  private static final long serialVersionUID = 1L;

  public SsoException(String message) {
    super(message);
  }

  public SsoException(String message, Throwable cause) {
    super(message, cause);
  }
}
