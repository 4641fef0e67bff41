package dev.claudenexus.conversation;

/**
 * Thrown where the original proxy's hashing failed with a JavaScript error, so that no hash is
 * produced for the body.
 */
final class UnhashableBodyException extends RuntimeException {

  UnhashableBodyException(String message) {
    super(message, null, false, false);
  }
}
