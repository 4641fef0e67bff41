package dev.claudenexus.analysis.model;

/** A failed model call; the message names what failed and is stored in the analysis's error history. */
public class ModelCallException extends Exception {

  private static final long serialVersionUID = 1L;

  public ModelCallException(String message) {
    super(message);
  }

  public ModelCallException(String message, Throwable cause) {
    super(message, cause);
  }
}
