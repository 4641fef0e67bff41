package dev.claudenexus.launcher;

/**
 * A command that could not do its work for a reason outside its arguments, such as an unreachable
 * database. The launcher prints the message, which names the next step, and exits with status 1.
 * Invalid arguments are {@link IllegalArgumentException}s instead, which exit with status 2.
 */
final class CommandFailedException extends Exception {

  private static final long serialVersionUID = 1L;

  CommandFailedException(String message) {
    super(message);
  }

  CommandFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
