package dev.claudenexus.api.conversations;

import java.util.List;
import java.util.Optional;

/**
 * One page of conversations. {@code nextCursor} is present when more conversations follow;
 * {@code total} only when it was counted (the proxy's shape needs it).
 */
public record ConversationPage(List<ConversationSummary> conversations,
    Optional<ConversationCursor> nextCursor, Optional<Long> total) {

  public boolean hasMore() {
    return nextCursor.isPresent();
  }
}
