package dev.claudenexus.api.stats;

/**
 * All-time totals over the requests linked into conversations: distinct conversations and accounts,
 * requests, and input plus output tokens.
 */
public record ConversationTotals(long conversations, long activeAccounts, long requests,
    long tokens) {}
