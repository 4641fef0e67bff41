package dev.claudenexus.conversation;

/**
 * A {@link LinkLookup} could not answer, for example because the database connection broke. The
 * linker passes it on instead of starting a conversation, so the caller can retry the request later.
 */
public class LinkLookupException extends RuntimeException {

  public LinkLookupException(String message, Throwable cause) {
    super(message, cause);
  }
}
