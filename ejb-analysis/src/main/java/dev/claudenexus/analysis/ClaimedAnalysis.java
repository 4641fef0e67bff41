package dev.claudenexus.analysis;

import java.io.Serializable;
import java.util.UUID;

/** An analysis that a worker has claimed: its row is {@code processing} and carries the claim. */
public record ClaimedAnalysis(long id, UUID conversationId, String branchId, String customPrompt,
    int retryCount, String claimedBy) implements Serializable {
  private static final long serialVersionUID = 1L;
}
