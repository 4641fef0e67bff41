package dev.claudenexus.conversation;

/**
 * A response that contains a conversation summary, a candidate parent of a compacted conversation.
 *
 * @param text the response's text blocks joined with newlines, in lower case
 */
public record SummaryResponse(LinkedRequest request, String text) {}
