package dev.claudenexus.conversation;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Places a request in a conversation by matching its message hashes against earlier requests.
 *
 * <p>A request with one message may start a sub-agent (its text equals a recent {@code Task} or
 * {@code Agent} prompt) or continue a compacted conversation (it carries a summary). A longer request
 * continues the newest earlier request whose messages equal its own without the last two. Requests
 * with the same system prompt are tried first, then any; with more than four messages, the messages
 * without the last four are tried last. Continuing a request that already has a continuation
 * opens a new branch. When nothing matches, a longer request may still carry a summary, and otherwise
 * starts a conversation.
 */
public final class ConversationLinker {

  private static final Logger LOG = Logger.getLogger(ConversationLinker.class.getName());
  private static final Duration COMPACT_WINDOW = Duration.ofDays(7);
  private static final int GRANDPARENT_MIN_MESSAGES = 5;
  private static final int PARENT_MIN_MESSAGES = 3;

  private final MessageHasher hasher;
  private final MessageHasher originalHasher;
  private final Duration subtaskWindow;

  /**
   * @param subtaskWindow how long after a sub-agent launch its first request is recognised
   * @param originalRowsExist whether the database contains rows hashed by the original product. A
   *     request that finds no parent by this mode's hashes then also looks with the original's.
   */
  public ConversationLinker(HashMode mode, Duration subtaskWindow, boolean originalRowsExist) {
    this.hasher = new MessageHasher(mode);
    this.originalHasher =
        originalRowsExist && mode != HashMode.ORIGINAL ? new MessageHasher(HashMode.ORIGINAL) : null;
    this.subtaskWindow = subtaskWindow;
  }

  public HashMode mode() {
    return hasher.mode();
  }

  /** Returns the hashes and, for a linkable request, the conversation, branch and parent. */
  public ConversationLink link(LinkRequest request, LinkLookup lookup) {
    MessageHashes hashes = hasher.hash(request.body());
    if (!request.linkable()) {
      return ConversationLink.unlinked(hashes, mode());
    }
    try {
      return decide(request, hashes, lookup);
    } catch (LinkLookupException e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Linking request " + request.requestId()
          + " failed; it starts a new conversation", e);
      return ConversationLink.start(newConversationId(request), hashes, mode());
    }
  }

  /**
   * Returns whether a linkable request continues an earlier one that {@code lookup} does not find by
   * its parent hash. With several instances, that parent may be a row another instance is about to
   * commit.
   */
  public boolean missesParent(LinkRequest request, LinkLookup lookup) {
    if (!request.linkable()) {
      return false;
    }
    try {
      MessageHashes hashes = hasher.hash(request.body());
      if (hasher.countedMessages(request.body()).size() == 1
          || hashes.dedupedMessageCount() < PARENT_MIN_MESSAGES
          || hashes.parentMessageHash() == null) {
        return false;
      }
      return lookup.latestWithHash(request.domain(), hashes.parentMessageHash(), null,
          request.timestamp(), request.requestId()).isEmpty();
    } catch (LinkLookupException e) {
      throw e;
    } catch (RuntimeException e) {
      // link() logs the same failure and starts a conversation, so there is nothing to wait for.
      return false;
    }
  }

  private ConversationLink decide(LinkRequest request, MessageHashes hashes, LinkLookup lookup) {
    List<JsonObject> counted = hasher.countedMessages(request.body());
    if (counted.size() == 1) {
      return subtask(request, counted.get(0), hashes, lookup)
          .or(() -> compact(request, counted.get(0), hashes, lookup, true))
          .orElseGet(() -> ConversationLink.start(newConversationId(request), hashes, mode()));
    }
    if (hashes.dedupedMessageCount() < PARENT_MIN_MESSAGES || hashes.parentMessageHash() == null) {
      return ConversationLink.start(newConversationId(request), hashes, mode());
    }
    Optional<LinkedRequest> parent = findParent(request, hashes, lookup);
    if (parent.isEmpty() && originalHasher != null) {
      parent = findParent(request, originalHasher.hash(request.body()), lookup);
    }
    if (parent.isPresent()) {
      return continueFrom(request, parent.get(), hashes, lookup);
    }
    return compact(request, counted.get(0), hashes, lookup, false)
        .orElseGet(() -> ConversationLink.start(newConversationId(request), hashes, mode()));
  }

  private Optional<LinkedRequest> findParent(
      LinkRequest request, MessageHashes hashes, LinkLookup lookup) {
    String domain = request.domain();
    Instant now = request.timestamp();
    UUID self = request.requestId();
    Optional<LinkedRequest> parent = Optional.empty();
    if (hashes.systemHash() != null) {
      parent = lookup.latestWithHash(domain, hashes.parentMessageHash(), hashes.systemHash(), now, self);
    }
    if (parent.isEmpty()) {
      // A summarising request has its own system prompt, so it links regardless of the prompt.
      parent = lookup.latestWithHash(domain, hashes.parentMessageHash(), null, now, self);
    }
    if (parent.isEmpty()
        && hashes.dedupedMessageCount() >= GRANDPARENT_MIN_MESSAGES
        && hashes.grandparentMessageHash() != null) {
      parent = lookup.latestWithHash(domain, hashes.grandparentMessageHash(), null, now, self);
    }
    return parent;
  }

  private ConversationLink continueFrom(
      LinkRequest request, LinkedRequest parent, MessageHashes hashes, LinkLookup lookup) {
    String branch = parent.branchOrMain();
    if (!BranchNames.isCompact(branch)
        && lookup.hasChild(request.domain(), parent.currentMessageHash(), parent.conversationId(),
            request.timestamp(), request.requestId())) {
      branch = BranchNames.branch(request.timestamp());
    }
    // A sub-agent's follow-ups are sub-agent requests too, also on a branch forked from its chain
    // (two identical sub-agents fork that way). The flag passes only from parent to child, so it
    // never reaches the main agent's requests of the same conversation.
    boolean subtask = parent.subtask();
    return new ConversationLink(parent.conversationId(), branch, parent.requestId(), subtask,
        subtask ? parent.parentTaskRequestId() : null, hashes, mode());
  }

  private Optional<ConversationLink> subtask(
      LinkRequest request, JsonObject message, MessageHashes hashes, LinkLookup lookup) {
    Optional<String> prompt = SubagentPrompt.of(message);
    if (prompt.isEmpty()) {
      return Optional.empty();
    }
    Instant now = request.timestamp();
    List<TaskInvocation> invocations = lookup.taskInvocations(request.domain(),
        SubagentPrompt.key(prompt.get()), now.minus(subtaskWindow), now);
    for (TaskInvocation invocation : invocations) {
      if (!ConversationText.jsTrim(invocation.prompt()).equals(prompt.get())) {
        continue;
      }
      Optional<LinkedRequest> launcher = lookup.request(invocation.requestId());
      if (launcher.isEmpty() || launcher.get().conversationId() == null) {
        continue;
      }
      UUID conversation = launcher.get().conversationId();
      int number = lookup.maxSubtaskNumber(conversation, now) + invocation.ordinal();
      MessageHashes withoutParent = new MessageHashes(hashes.currentMessageHash(), null,
          hashes.grandparentMessageHash(), hashes.systemHash(), hashes.dedupedMessageCount());
      return Optional.of(new ConversationLink(conversation, BranchNames.subtask(number),
          invocation.requestId(), true, invocation.requestId(), withoutParent, mode()));
    }
    return Optional.empty();
  }

  private Optional<ConversationLink> compact(LinkRequest request, JsonObject message,
      MessageHashes hashes, LinkLookup lookup, boolean singleMessage) {
    Optional<String> probe = CompactSummary.of(message).flatMap(CompactSummary::probe);
    if (probe.isEmpty()) {
      return Optional.empty();
    }
    Instant now = request.timestamp();
    for (SummaryResponse candidate :
        lookup.summaryResponses(request.domain(), now.minus(COMPACT_WINDOW), now)) {
      if (!candidate.request().requestId().equals(request.requestId())
          && candidate.text().contains(probe.get())) {
        LinkedRequest parent = candidate.request();
        MessageHashes linkedHashes = singleMessage
            ? new MessageHashes(hashes.currentMessageHash(), parent.currentMessageHash(),
                hashes.grandparentMessageHash(), hashes.systemHash(), hashes.dedupedMessageCount())
            : hashes;
        return Optional.of(new ConversationLink(parent.conversationId(),
            BranchNames.compact(now), parent.requestId(), false, null, linkedHashes, mode()));
      }
    }
    return Optional.empty();
  }

  private static UUID newConversationId(LinkRequest request) {
    return request.existingConversationId() != null
        ? request.existingConversationId()
        : UUID.randomUUID();
  }
}
