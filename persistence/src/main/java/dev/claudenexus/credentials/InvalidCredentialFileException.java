package dev.claudenexus.credentials;

/** Thrown when a credential file cannot be used; the message names the problem, never a secret. */
public class InvalidCredentialFileException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InvalidCredentialFileException(String message) {
    super(message);
  }
}
