package dev.claudenexus.api.conversations;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A request of a conversation without its bodies, as the conversation page's tree and timeline show
 * it. {@code taskToolInvocation} is the stored JSON array of the response's sub-agent launches, or
 * {@code null} when it launched none.
 */
public record ConversationRequest(
    UUID requestId,
    OffsetDateTime timestamp,
    String branchId,
    UUID parentRequestId,
    boolean subtask,
    String model,
    long inputTokens,
    long outputTokens,
    long cacheReadTokens,
    long cacheCreationTokens,
    Integer durationMs,
    Integer responseStatus,
    String outcome,
    String error,
    String taskToolInvocation) {

  /** Returns the prompt size of the request: input plus cache-read plus cache-creation tokens. */
  public long contextTokens() {
    return inputTokens + cacheReadTokens + cacheCreationTokens;
  }

  /** Returns the sum of input and output tokens. */
  public long totalTokens() {
    return inputTokens + outputTokens;
  }
}
