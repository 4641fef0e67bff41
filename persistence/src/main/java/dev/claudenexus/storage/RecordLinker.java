package dev.claudenexus.storage;

import dev.claudenexus.conversation.ConversationLink;
import dev.claudenexus.conversation.ConversationLinker;
import dev.claudenexus.conversation.LayeredLinkLookup;
import dev.claudenexus.conversation.LinkLookup;
import dev.claudenexus.conversation.LinkRequest;
import dev.claudenexus.conversation.LinkedRequest;
import dev.claudenexus.conversation.RecentLinks;
import dev.claudenexus.conversation.ResponseContent;
import dev.claudenexus.conversation.TaskInvocation;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Links each record of a batch into its conversation before the batch is written, in arrival order,
 * so a record links to one earlier in the same batch. A record linked before (its batch failed and is
 * written again) keeps its first link.
 *
 * <p>With a parent wait, a record whose parent row is missing is linked only after that row
 * appears or the wait ends. Another instance commits the parent of a request it served a few
 * milliseconds after the response ended, and without the wait this instance could link the child
 * to an older request first. The wait is shared by the whole batch and holds only the writer
 * thread, never a request.
 */
final class RecordLinker {

  static final String SESSION_HEADER = "x-claude-code-session-id";
  private static final int MAX_SESSION_ID_LENGTH = 255;
  private static final long PARENT_POLL_MILLIS = 25;
  private static final Logger LOG = Logger.getLogger(RecordLinker.class.getName());

  private final ConversationLinker linker;
  private final RecentLinks recent;
  private final boolean inTimeOrder;
  private final Duration parentWait;

  RecordLinker(ConversationLinker linker, RecentLinks recent) {
    this(linker, recent, false, Duration.ZERO);
  }

  /**
   * @param inTimeOrder whether records arrive strictly oldest first from one process (a relink)
   * @param parentWait how long a batch may wait for missing parent rows; zero never waits
   */
  RecordLinker(ConversationLinker linker, RecentLinks recent, boolean inTimeOrder, Duration parentWait) {
    this.linker = linker;
    this.recent = recent;
    this.inTimeOrder = inTimeOrder;
    this.parentWait = parentWait;
  }

  /**
   * Links a batch in order.
   *
   * @param waitForParents whether records may wait for missing parents; a journal replay does not
   */
  List<LinkedRecord> link(Connection connection, List<RequestRecord> batch, boolean waitForParents) {
    LinkLookup lookup = lookup(connection);
    long deadline = System.nanoTime() + parentWait.toNanos();
    boolean waiting = waitForParents && !parentWait.isZero();
    List<LinkedRecord> linked = new ArrayList<>(batch.size());
    for (RequestRecord record : batch) {
      if (waiting) {
        waiting = awaitParent(record, lookup, deadline);
      }
      linked.add(link(record, lookup, null));
    }
    return linked;
  }

  /**
   * Waits until the record's parent can be found or the deadline passes.
   *
   * @return {@code false} when the batch must not wait any longer
   */
  private boolean awaitParent(RequestRecord record, LinkLookup lookup, long deadline) {
    if (!isMessagesCall(record) || !isLinkable(record) || recent.linkOf(record.requestId()).isPresent()) {
      return true;
    }
    JsonObject body = JdbcLinkLookup.parseObject(record.requestBody());
    if (body == null) {
      return true;
    }
    LinkRequest request = new LinkRequest(record.requestId(), record.domain(),
        record.timestamp().toInstant(), body, true, null);
    while (linker.missesParent(request, lookup)) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        LOG.fine(() -> "No parent row for request " + record.requestId() + " within "
            + parentWait.toMillis() + " ms; linking it without one");
        return false;
      }
      try {
        Thread.sleep(Math.min(PARENT_POLL_MILLIS, TimeUnit.NANOSECONDS.toMillis(left) + 1));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  /** Returns the lookup over recent links and the database behind {@code connection}. */
  LinkLookup lookup(Connection connection) {
    return new LayeredLinkLookup(recent, new JdbcLinkLookup(connection), inTimeOrder);
  }

  /**
   * Links one record.
   *
   * @param existingConversationId the conversation a stored row has, kept when the row starts a
   *     conversation, or null
   */
  LinkedRecord link(RequestRecord record, LinkLookup lookup, UUID existingConversationId) {
    String sessionId = sessionId(record.requestHeaders());
    JsonObject body = isMessagesCall(record) ? JdbcLinkLookup.parseObject(record.requestBody()) : null;
    if (body == null) {
      return LinkedRecord.unlinked(record, sessionId);
    }
    boolean linkable = isLinkable(record);
    JsonObject response = linkable ? JdbcLinkLookup.parseObject(record.responseBody()) : null;
    List<TaskInvocation> invocations = ResponseContent.taskInvocations(
        response, record.requestId(), record.domain(), record.timestamp().toInstant());
    String text = ResponseContent.lowerCaseText(response);
    boolean summary = linkable && text.contains("<summary>");
    Optional<ConversationLink> earlier = recent.linkOf(record.requestId());
    ConversationLink link = earlier.orElseGet(() -> linker.link(new LinkRequest(record.requestId(),
        record.domain(), record.timestamp().toInstant(), body, linkable, existingConversationId),
        lookup));
    if (earlier.isEmpty() && link.conversationId() != null) {
      recent.remember(linkedRequest(record, link), link, invocations, summary ? text : null);
    }
    JsonArray calls = ResponseContent.taskToolInvocationJson(response);
    return new LinkedRecord(record, link, invocations, summary,
        calls.isEmpty() ? null : calls.toString(), sessionId);
  }

  /** Returns whether a record may join a conversation: a completed, successful inference call. */
  static boolean isLinkable(RequestRecord record) {
    return "inference".equals(record.requestType())
        && "complete".equals(record.outcome())
        && record.responseStatus() < 400;
  }

  private static boolean isMessagesCall(RequestRecord record) {
    return "POST".equalsIgnoreCase(record.method()) && "/v1/messages".equals(record.path());
  }

  private static LinkedRequest linkedRequest(RequestRecord record, ConversationLink link) {
    return new LinkedRequest(record.requestId(), record.domain(), record.timestamp().toInstant(),
        link.conversationId(), link.branchId(), link.hashes().currentMessageHash(),
        link.hashes().parentMessageHash(), link.hashes().systemHash(), link.subtask(),
        link.parentTaskRequestId());
  }

  private static String sessionId(String headersJson) {
    JsonObject headers = JdbcLinkLookup.parseObject(headersJson);
    if (headers == null || !(headers.get(SESSION_HEADER) instanceof JsonString value)) {
      return null;
    }
    String id = value.getString();
    return id.length() > MAX_SESSION_ID_LENGTH ? id.substring(0, MAX_SESSION_ID_LENGTH) : id;
  }
}
