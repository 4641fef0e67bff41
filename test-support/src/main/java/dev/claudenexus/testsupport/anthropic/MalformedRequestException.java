package dev.claudenexus.testsupport.anthropic;

import java.io.IOException;

/** Request that the fake cannot parse, so it replies with {@link #status()} and closes the connection. */
final class MalformedRequestException extends IOException {

  private final int status;

  MalformedRequestException(int status, String message) {
    super(message);
    this.status = status;
  }

  int status() {
    return status;
  }
}
