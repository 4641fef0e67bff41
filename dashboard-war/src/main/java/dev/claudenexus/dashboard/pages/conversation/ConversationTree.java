package dev.claudenexus.dashboard.pages.conversation;

import dev.claudenexus.api.conversations.ConversationRequest;
import dev.claudenexus.api.conversations.ConversationRequestsQuery;
import dev.claudenexus.api.conversations.RequestSelection;
import dev.claudenexus.api.conversations.SubtaskRequest;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads what the tree view needs, the newest selected requests and their sub-tasks, and lays it out. */
final class ConversationTree {

  /** Requests the tree shows, newest first. */
  static final int MAX_REQUESTS = 400;
  /** Sub-agent requests read for the sub-task boxes of the shown requests. */
  static final int MAX_SUBTASK_REQUESTS = 5_000;

  private ConversationTree() {}

  static TreeLayout read(ConversationRequestsQuery query, RequestSelection selection)
      throws SQLException {
    List<ConversationRequest> requests = query.requests(selection, Optional.empty(), MAX_REQUESTS);
    Map<UUID, List<TaskLaunch>> launches = new HashMap<>();
    for (ConversationRequest request : requests) {
      List<TaskLaunch> parsed = TaskLaunch.parse(request.taskToolInvocation());
      if (!parsed.isEmpty()) {
        launches.put(request.requestId(), parsed);
      }
    }
    List<SubtaskRequest> subtasks = query.subtaskRequests(
        requests.stream().map(ConversationRequest::requestId).toList(), MAX_SUBTASK_REQUESTS);
    List<UUID> firstRequests = subtasks.stream()
        .filter(request -> request.parentTaskRequestId().equals(request.parentRequestId()))
        .map(SubtaskRequest::requestId).toList();
    Map<UUID, String> documents = query.lastMessages(firstRequests);
    Map<UUID, List<SubtaskBox>> boxes = SubtaskBoxes.of(launches, subtasks,
        requestId -> UserText.prompt(documents.get(requestId)));
    return RequestTree.layout(requests, boxes);
  }
}
