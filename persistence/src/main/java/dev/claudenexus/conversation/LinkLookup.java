package dev.claudenexus.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The queries the {@link ConversationLinker} makes about earlier requests. Every query looks only at
 * requests of one domain that started before {@code before} and that may be parents: completed
 * {@code inference} calls with a conversation.
 */
public interface LinkLookup {

  /**
   * Finds the newest request whose current message hash is {@code messageHash}.
   *
   * @param systemHash when not null, the request must also have this system hash
   */
  Optional<LinkedRequest> latestWithHash(
      String domain, String messageHash, String systemHash, Instant before, UUID excluded);

  /**
   * Returns whether a request other than {@code excluded} already continues the request whose hash is
   * {@code parentHash}.
   *
   * @param conversationId when not null, only children in this conversation count
   */
  boolean hasChild(
      String domain, String parentHash, UUID conversationId, Instant before, UUID excluded);

  /** Returns summary responses started in {@code [from, before)}, newest first. */
  List<SummaryResponse> summaryResponses(String domain, Instant from, Instant before);

  /** Returns the sub-agent launches with this prompt hash in {@code [from, to]}, oldest first. */
  List<TaskInvocation> taskInvocations(String domain, String promptHash, Instant from, Instant to);

  /** Finds a request by id, whatever its domain and time. */
  Optional<LinkedRequest> request(UUID requestId);

  /** Returns the highest {@code n} of the {@code subtask_<n>} branches started before {@code before}. */
  int maxSubtaskNumber(UUID conversationId, Instant before);
}
