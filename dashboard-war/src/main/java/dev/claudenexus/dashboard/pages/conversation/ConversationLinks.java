package dev.claudenexus.dashboard.pages.conversation;

import dev.claudenexus.api.conversations.ConversationBranch;
import dev.claudenexus.api.conversations.RequestPosition;
import dev.claudenexus.dashboard.pages.request.RequestIds;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Builds the links of the conversation page. Every state (branch, view, timeline position) is a
 * query parameter, URL-encoded here, so each state has its own address.
 */
final class ConversationLinks {

  private ConversationLinks() {}

  /** Returns the page path with a branch (or all branches for {@code null}) and a view. */
  static String page(UUID conversationId, String branch, String view) {
    StringBuilder href = new StringBuilder("/dashboard/conversation/").append(conversationId);
    char separator = '?';
    if (branch != null) {
      href.append(separator).append("branch=").append(encode(branch));
      separator = '&';
    }
    if (ConversationViews.TIMELINE.equals(view)) {
      href.append(separator).append("view=timeline");
    }
    return href.toString();
  }

  /** Returns the chip for all branches followed by one chip per branch. */
  static List<BranchChip> chips(UUID conversationId, List<ConversationBranch> branches,
      String selected, String view) {
    List<BranchChip> chips = new ArrayList<>();
    long requests = branches.stream().mapToLong(ConversationBranch::requests).sum();
    long tokens = branches.stream().mapToLong(ConversationBranch::totalTokens).sum();
    chips.add(new BranchChip(null, "All branches", requests, tokens, null,
        page(conversationId, null, view), selected == null));
    for (ConversationBranch branch : branches) {
      chips.add(new BranchChip(branch.branchId(), branch.branchId(), branch.requests(),
          branch.totalTokens(), BranchPalette.colour(branch.branchId()),
          page(conversationId, branch.branchId(), view), branch.branchId().equals(selected)));
    }
    return chips;
  }

  /** Returns the timeline page that starts after {@code last}. */
  static String older(UUID conversationId, String branch, RequestPosition last) {
    // The timeline view is always a parameter, so "before" follows with "&".
    return page(conversationId, branch, ConversationViews.TIMELINE) + "&before="
        + encode(last.timestamp() + "_" + last.requestId());
  }

  /** Parses a {@code before} parameter written by {@link #older}; anything else is empty. */
  static Optional<RequestPosition> position(String before) {
    if (before == null) {
      return Optional.empty();
    }
    int split = before.lastIndexOf('_');
    if (split < 0) {
      return Optional.empty();
    }
    Optional<UUID> requestId = RequestIds.parse(before.substring(split + 1));
    try {
      OffsetDateTime timestamp = OffsetDateTime.parse(before.substring(0, split));
      return requestId.map(id -> new RequestPosition(timestamp, id));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
