package dev.claudenexus.dashboard.pages.conversation;

/**
 * A row of the conversation timeline; {@code text} is the request's last message, shortened, or
 * {@code null} when it has none.
 */
public record TimelineEntry(String requestId, String href, String time, String branch,
    String colour, String model, String tokens, boolean failed, String text) {}
