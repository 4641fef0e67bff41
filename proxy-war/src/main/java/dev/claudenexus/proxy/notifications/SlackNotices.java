package dev.claudenexus.proxy.notifications;

import static dev.claudenexus.json.JsonProviders.JSON;

import dev.claudenexus.proxy.forwarding.RequestCompleted;
import dev.claudenexus.storage.RequestRecord;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides which finished requests get a Slack message and builds it. Safe for concurrent use,
 * because {@link ContentMemory} serialises the per-domain check.
 */
final class SlackNotices {

  static final int MAX_REMEMBERED_DOMAINS = 1000;

  private final SlackDestinations destinations;
  private final ContentMemory lastContent = new ContentMemory(MAX_REMEMBERED_DOMAINS);

  /** A message ready to post. */
  record Notice(SlackDestination destination, JsonObject payload) {}

  SlackNotices(SlackDestinations destinations) {
    this.destinations = destinations;
  }

  /**
   * Returns whether the request may get a message, checked on the request thread before queueing:
   * a failure, or a successful {@code inference} request, of a domain without {@code personal}.
   */
  static boolean candidate(RequestCompleted completed) {
    RequestRecord record = completed.record();
    if (record.domain() == null || record.domain().toLowerCase(Locale.ROOT).contains("personal")) {
      return false;
    }
    return completed.failed() || succeededInference(record);
  }

  /**
   * Returns the message for a candidate request, or empty when its domain has no destination or
   * its user content is the same as the domain's previous one.
   */
  Optional<Notice> noticeFor(RequestCompleted completed) {
    if (!candidate(completed)) {
      return Optional.empty();
    }
    RequestRecord record = completed.record();
    Optional<SlackDestination> destination = destinations.forDomain(record.domain());
    if (destination.isEmpty()) {
      return Optional.empty();
    }
    if (completed.failed()) {
      return Optional.of(new Notice(destination.get(), SlackMessageFormatter.error(record, destination.get())));
    }
    String userContent = UserContent.of(requestJson(record.requestBody()), true);
    if (!lastContent.replace(record.domain(), userContent)) {
      return Optional.empty();
    }
    JsonObject payload = SlackMessageFormatter.success(record, userContent,
        AssistantReply.parse(record.responseBody()), completed.maskedClientKey(), destination.get());
    return Optional.of(new Notice(destination.get(), payload));
  }

  private static boolean succeededInference(RequestRecord record) {
    return "inference".equals(record.requestType()) && "complete".equals(record.outcome())
        && record.responseStatus() >= 200 && record.responseStatus() < 300;
  }

  private static JsonObject requestJson(String body) {
    if (body == null) {
      return null;
    }
    try {
      return JSON.createReader(new StringReader(body)).readValue() instanceof JsonObject object ? object : null;
    } catch (RuntimeException e) {
      // A body that is not JSON has no user content to show.
      return null;
    }
  }
}
