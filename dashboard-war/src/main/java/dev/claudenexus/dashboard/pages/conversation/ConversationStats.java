package dev.claudenexus.dashboard.pages.conversation;

import dev.claudenexus.api.conversations.ConversationRequest;
import dev.claudenexus.api.conversations.ConversationTotals;
import dev.claudenexus.dashboard.pages.request.DisplayFormats;
import java.time.Duration;
import java.util.Optional;

/** The stats panel of the conversation page, formatted; all figures are of the selected requests. */
public final class ConversationStats {

  private final ConversationTotals totals;
  private final Optional<ConversationRequest> latest;

  ConversationStats(ConversationTotals totals, Optional<ConversationRequest> latest) {
    this.totals = totals;
    this.latest = latest;
  }

  public String getRequests() {
    return DisplayFormats.count(totals.requests());
  }

  public String getSubtasks() {
    return DisplayFormats.count(totals.subtasks());
  }

  /** Returns the time from the first request's start to the latest request's start. */
  public String getDuration() {
    if (totals.firstTimestamp() == null || totals.lastTimestamp() == null) {
      return "–";
    }
    return DisplayFormats.duration(
        Duration.between(totals.firstTimestamp(), totals.lastTimestamp()).toMillis());
  }

  /** Returns the sum of the requests' durations. */
  public String getInferenceTime() {
    return DisplayFormats.duration(totals.inferenceMs());
  }

  /** Returns the prompt size of the latest request: input, cache-read and cache-write tokens. */
  public String getContextSize() {
    return latest.map(request -> DisplayFormats.count(request.contextTokens()) + " tokens")
        .orElse("–");
  }

  public String getFirstRequest() {
    return DisplayFormats.time(totals.firstTimestamp());
  }

  public String getLastRequest() {
    return DisplayFormats.time(totals.lastTimestamp());
  }
}
