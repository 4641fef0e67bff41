package dev.claudenexus.demo;

/** Thrown when the proxy answers a demo request other than the script expects. */
public final class DemoFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  DemoFailedException(String message) {
    super(message);
  }

  DemoFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
