package dev.claudenexus.conversation;

import java.util.UUID;

/**
 * The place of a request in a conversation: its conversation, branch and parent, with its hashes.
 *
 * @param conversationId null for requests that do not join conversations
 * @param branchId {@code main}, {@code branch_<yyyyMMddHHmmss>}, {@code compact_<HHmmss>} (both UTC) or
 *     {@code subtask_<n>}; null when {@code conversationId} is null
 * @param parentRequestId the request this one continues, or null when it starts a conversation
 * @param parentTaskRequestId for sub-agent requests, the request whose response started the sub-agent
 */
public record ConversationLink(
    UUID conversationId,
    String branchId,
    UUID parentRequestId,
    boolean subtask,
    UUID parentTaskRequestId,
    MessageHashes hashes,
    HashMode mode) {

  /** Returns a link for a request that gets hashes but joins no conversation. */
  public static ConversationLink unlinked(MessageHashes hashes, HashMode mode) {
    return new ConversationLink(null, null, null, false, null, hashes, mode);
  }

  /** Returns a link that starts a new conversation on the {@code main} branch. */
  static ConversationLink start(UUID conversationId, MessageHashes hashes, HashMode mode) {
    return new ConversationLink(conversationId, BranchNames.MAIN, null, false, null, hashes, mode);
  }
}
