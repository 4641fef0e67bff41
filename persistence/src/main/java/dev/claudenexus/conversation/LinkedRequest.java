package dev.claudenexus.conversation;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored or recently linked request, as the linker needs it to find parents.
 *
 * @param parentTaskRequestId null unless {@code subtask}
 */
public record LinkedRequest(
    UUID requestId,
    String domain,
    Instant timestamp,
    UUID conversationId,
    String branchId,
    String currentMessageHash,
    String parentMessageHash,
    String systemHash,
    boolean subtask,
    UUID parentTaskRequestId) {

  /** Returns the branch, reading a missing one as {@code main} as the original's rows allow. */
  public String branchOrMain() {
    return branchId == null ? BranchNames.MAIN : branchId;
  }
}
