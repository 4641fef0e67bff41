package dev.claudenexus.storage;

import dev.claudenexus.conversation.ConversationLink;
import dev.claudenexus.conversation.TaskInvocation;
import java.util.List;

/**
 * A recorded request with what the storage writer derived from it before writing: its conversation
 * link and the sub-agent launches in its response.
 *
 * @param link null for calls other than {@code POST /v1/messages} with a JSON body
 * @param taskToolInvocationJson the {@code task_tool_invocation} column: the response's sub-agent
 *     tool calls as a JSON array, or null when it has none
 * @param sessionId the client's {@code x-claude-code-session-id} header, or null
 */
record LinkedRecord(
    RequestRecord record,
    ConversationLink link,
    List<TaskInvocation> invocations,
    boolean summaryResponse,
    String taskToolInvocationJson,
    String sessionId) {

  LinkedRecord {
    invocations = List.copyOf(invocations);
  }

  static LinkedRecord unlinked(RequestRecord record, String sessionId) {
    return new LinkedRecord(record, null, List.of(), false, null, sessionId);
  }

  LinkedRecord withRecord(RequestRecord replacement) {
    return new LinkedRecord(replacement, link, invocations, summaryResponse,
        taskToolInvocationJson, sessionId);
  }

  /**
   * Returns this record without references to other rows, for a parent that the database rejected.
   * The conversation and branch stay.
   */
  LinkedRecord withoutParents() {
    if (link == null) {
      return this;
    }
    ConversationLink detached = new ConversationLink(link.conversationId(), link.branchId(), null,
        link.subtask(), null, link.hashes(), link.mode());
    return new LinkedRecord(record, detached, invocations, summaryResponse,
        taskToolInvocationJson, sessionId);
  }
}
