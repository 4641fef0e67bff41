package dev.claudenexus.testsupport.anthropic;

import java.io.IOException;

/** The client closed or reset the connection while a reply was still being sent. */
final class ClientAbortedException extends IOException {

  private final int writesSent;

  ClientAbortedException(int writesSent, IOException cause) {
    super("Client went away after " + writesSent + " body writes: " + cause.getMessage(), cause);
    this.writesSent = writesSent;
  }

  int writesSent() {
    return writesSent;
  }
}
