package dev.claudenexus.demo;

/** Thrown when the proxy's response to a demo request is not the one the script expects. */
public final class DemoFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  DemoFailedException(String message) {
    super(message);
  }

  DemoFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
