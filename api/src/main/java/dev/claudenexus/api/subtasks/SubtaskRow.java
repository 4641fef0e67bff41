package dev.claudenexus.api.subtasks;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A sub-agent request; {@code costUsd} is {@code null} when its model has no price. */
record SubtaskRow(UUID requestId, String domain, OffsetDateTime timestamp, String model,
    long inputTokens, long outputTokens, Integer durationMs, Integer responseStatus,
    UUID conversationId, String branchId, BigDecimal costUsd) {}
