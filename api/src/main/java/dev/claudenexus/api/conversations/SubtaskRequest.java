package dev.claudenexus.api.conversations;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A request of a sub-agent: {@code parentTaskRequestId} is the request whose response launched the
 * sub-agent, and the sub-agent's first request has that request as its parent.
 */
public record SubtaskRequest(UUID requestId, UUID parentRequestId, UUID parentTaskRequestId,
    UUID conversationId, String branchId, OffsetDateTime timestamp) {}
