package dev.claudenexus.api.conversations;

import java.time.OffsetDateTime;

/** One branch of a conversation: how many requests it has, their tokens and its time span. */
public record ConversationBranch(String branchId, long requests, long totalTokens,
    OffsetDateTime firstTimestamp, OffsetDateTime lastTimestamp) {}
