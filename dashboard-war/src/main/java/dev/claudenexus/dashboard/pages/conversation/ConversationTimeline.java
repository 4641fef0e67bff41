package dev.claudenexus.dashboard.pages.conversation;

import dev.claudenexus.api.conversations.ConversationRequest;
import dev.claudenexus.api.conversations.ConversationRequestsQuery;
import dev.claudenexus.api.conversations.RequestPosition;
import dev.claudenexus.api.conversations.RequestSelection;
import dev.claudenexus.dashboard.pages.request.DisplayFormats;
import dev.claudenexus.dashboard.pages.request.RequestOutcomes;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads one page of the timeline view: selected requests newest first, each with the start of its
 * last message.
 */
public final class ConversationTimeline {

  /** Requests on one timeline page. */
  static final int PAGE_SIZE = 50;
  /** Characters of a request's text in the timeline. */
  static final int TEXT_CHARS = 160;

  /** A page of entries; {@code next} is the position of its last row when older rows follow. */
  public record Page(List<TimelineEntry> entries, Optional<RequestPosition> next) {}

  private ConversationTimeline() {}

  static Page read(ConversationRequestsQuery query, RequestSelection selection,
      Optional<RequestPosition> before) throws SQLException {
    List<ConversationRequest> rows = new ArrayList<>(
        query.requests(selection, before, PAGE_SIZE + 1));
    boolean more = rows.size() > PAGE_SIZE;
    if (more) {
      rows.remove(rows.size() - 1);
    }
    Map<UUID, String> documents =
        query.lastMessages(rows.stream().map(ConversationRequest::requestId).toList());
    List<TimelineEntry> entries = new ArrayList<>(rows.size());
    for (ConversationRequest row : rows) {
      entries.add(entry(row, documents.get(row.requestId())));
    }
    Optional<RequestPosition> next = more
        ? Optional.of(position(rows.get(rows.size() - 1))) : Optional.empty();
    return new Page(entries, next);
  }

  static TimelineEntry entry(ConversationRequest row, String document) {
    String branch = RequestTree.branch(row);
    String tokens = DisplayFormats.count(row.inputTokens()) + " in · "
        + DisplayFormats.count(row.outputTokens()) + " out · "
        + DisplayFormats.count(row.contextTokens()) + " context";
    return new TimelineEntry(row.requestId().toString(), "/dashboard/request/" + row.requestId(),
        DisplayFormats.time(row.timestamp()), branch, BranchPalette.colour(branch), row.model(),
        tokens, RequestOutcomes.failed(row.responseStatus(), row.outcome()),
        UserText.summary(document, TEXT_CHARS).orElse(null));
  }

  private static RequestPosition position(ConversationRequest row) {
    return new RequestPosition(row.timestamp(), row.requestId());
  }
}
