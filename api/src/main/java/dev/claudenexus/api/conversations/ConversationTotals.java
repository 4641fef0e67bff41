package dev.claudenexus.api.conversations;

import java.time.OffsetDateTime;

/**
 * Totals over the selected requests of a conversation. {@code inferenceMs} sums their durations;
 * {@code subtasks} counts distinct {@code subtask_<n>} branches. The timestamps are {@code null}
 * when no request is selected.
 */
public record ConversationTotals(long requests, OffsetDateTime firstTimestamp,
    OffsetDateTime lastTimestamp, long inferenceMs, long subtasks) {}
