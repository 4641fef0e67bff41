package dev.claudenexus.dashboard.pages.conversation;

/**
 * A branch filter chip of the conversation page.
 *
 * @param branchId the branch, or {@code null} for the chip that shows all branches
 * @param href the page with this branch selected
 */
public record BranchChip(String branchId, String label, long requests, long tokens,
    String colour, String href, boolean active) {}
