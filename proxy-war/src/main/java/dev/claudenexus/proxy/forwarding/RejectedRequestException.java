package dev.claudenexus.proxy.forwarding;

/** Rejection of a request by the proxy itself, sent as an Anthropic error of the given status and type. */
final class RejectedRequestException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String type;

  RejectedRequestException(int status, String type, String message) {
    super(message);
    this.status = status;
    this.type = type;
  }

  int status() {
    return status;
  }

  String type() {
    return type;
  }
}
