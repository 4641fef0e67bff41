package dev.claudenexus.api.conversations;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A conversation summarised from its selected requests. Branch counts are of distinct branch names:
 * {@code subtask_<n>}, {@code compact_<time>}, and user branches (every other name but {@code main}).
 * {@code parentTaskRequestId} and {@code parentConversationId} come from its earliest sub-task
 * request and are {@code null} when it has none.
 */
public record ConversationSummary(
    LatestRequest latest,
    OffsetDateTime firstMessageTime,
    long messageCount,
    long totalTokens,
    BigDecimal costUsd,
    BranchCounts branches,
    List<String> modelsUsed,
    boolean subtask,
    long subtaskMessageCount,
    UUID parentTaskRequestId,
    UUID parentConversationId) {

  /** Numbers of distinct branches: all, sub-task, compact and user branches. */
  public record BranchCounts(long total, long subtask, long compact, long user) {}
}
