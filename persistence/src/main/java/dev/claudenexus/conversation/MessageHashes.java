package dev.claudenexus.conversation;

/**
 * The hashes of one request body, as lower-case hex SHA-256 strings.
 *
 * @param currentMessageHash hash of all counted messages after de-duplication; null when the body
 *     gives no hash
 * @param parentMessageHash hash without the last two messages; null below three messages
 * @param grandparentMessageHash hash without the last four messages; null below five messages
 * @param systemHash hash of the stable part of the system prompt; null when there is no usable text
 * @param dedupedMessageCount number of counted messages left after de-duplication
 */
public record MessageHashes(String currentMessageHash, String parentMessageHash,
    String grandparentMessageHash, String systemHash, int dedupedMessageCount) {

  /** The result for a body that gives no hash: every hash null and no messages. */
  public static final MessageHashes NONE = new MessageHashes(null, null, null, null, 0);

  /** Returns whether the body has a message hash. */
  public boolean hasHash() {
    return currentMessageHash != null;
  }
}
