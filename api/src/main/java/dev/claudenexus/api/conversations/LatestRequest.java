package dev.claudenexus.api.conversations;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The latest selected request of a conversation. {@code contextTokens} is the prompt size of its
 * response: input plus cache-read plus cache-creation tokens.
 */
public record LatestRequest(UUID conversationId, OffsetDateTime timestamp, UUID requestId,
    String model, String domain, String accountId, long contextTokens) {

  public ConversationCursor cursor() {
    return new ConversationCursor(timestamp, requestId);
  }
}
