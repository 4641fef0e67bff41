package dev.claudenexus.api.conversations;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The requests of a conversation that its page shows. Without a branch, all of them. With
 * {@code main}, the main branch. With another branch, the branch's requests and the main requests
 * older than the branch's first request, {@code branchStart}, so the branch reads from the start of
 * the conversation.
 */
public record RequestSelection(UUID conversationId, Optional<String> branchId,
    Optional<OffsetDateTime> branchStart) {

  static final String MAIN = "main";

  /** Selects every request of the conversation. */
  public static RequestSelection all(UUID conversationId) {
    return new RequestSelection(conversationId, Optional.empty(), Optional.empty());
  }

  /** Selects one branch; {@code branchStart} is the timestamp of the branch's first request. */
  public static RequestSelection branch(UUID conversationId, String branchId,
      OffsetDateTime branchStart) {
    return new RequestSelection(conversationId, Optional.of(branchId),
        Optional.ofNullable(branchStart));
  }

  /** Returns the condition on rows of {@code api_requests} aliased {@code r}, with its values. */
  String condition(List<Object> values) {
    values.add(conversationId);
    if (branchId.isEmpty()) {
      return "r.conversation_id = ?";
    }
    values.add(branchId.get());
    if (branchId.get().equals(MAIN) || branchStart.isEmpty()) {
      return "r.conversation_id = ? AND r.branch_id = ?";
    }
    values.add(branchStart.get());
    return "r.conversation_id = ? AND (r.branch_id = ? OR (r.branch_id = 'main' AND r.timestamp < ?))";
  }
}
