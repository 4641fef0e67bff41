package dev.claudenexus.dashboard.pages.conversation;

import dev.claudenexus.api.conversations.ConversationRequest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Builds conversation requests for the tree and timeline tests. */
final class Requests {

  static final OffsetDateTime START = OffsetDateTime.of(2025, 3, 10, 8, 0, 0, 0, ZoneOffset.UTC);

  private Requests() {}

  static ConversationRequest request(int minute, String branch, UUID parent) {
    return request(UUID.randomUUID(), minute, branch, parent, 200, "complete", null);
  }

  static ConversationRequest request(UUID id, int minute, String branch, UUID parent,
      Integer status, String outcome, String launches) {
    return new ConversationRequest(id, START.plusMinutes(minute), branch, parent, false,
        "claude-sonnet-4-5", 10, 5, 100, 20, 250, status, outcome, null, launches);
  }
}
