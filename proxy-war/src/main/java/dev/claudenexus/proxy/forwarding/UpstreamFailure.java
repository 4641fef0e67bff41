package dev.claudenexus.proxy.forwarding;

/** The Anthropic API could not be reached, or sent no response headers in time, after all attempts. */
final class UpstreamFailure extends Exception {

  private static final long serialVersionUID = 1L;

  private final boolean timedOut;
  private final int attempts;

  UpstreamFailure(String message, boolean timedOut, int attempts, Throwable cause) {
    super(message, cause);
    this.timedOut = timedOut;
    this.attempts = attempts;
  }

  /** Returns the status of the proxy's error response: 504 for a timeout, 502 otherwise. */
  int status() {
    return timedOut ? 504 : 502;
  }

  boolean timedOut() {
    return timedOut;
  }

  int attempts() {
    return attempts;
  }
}
