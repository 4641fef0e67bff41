package dev.claudenexus.conversation;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.UUID;

/**
 * A request to be placed in a conversation.
 *
 * @param timestamp the request start; only earlier requests can be its parent
 * @param linkable whether the request may join a conversation: a completed {@code inference} call.
 *     Other requests still get hashes but never a conversation.
 * @param existingConversationId the conversation id the row already has (a relink keeps it when the
 *     request starts a conversation), or null
 */
public record LinkRequest(
    UUID requestId,
    String domain,
    Instant timestamp,
    JsonObject body,
    boolean linkable,
    UUID existingConversationId) {}
