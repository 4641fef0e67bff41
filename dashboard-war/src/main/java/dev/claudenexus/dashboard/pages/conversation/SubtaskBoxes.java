package dev.claudenexus.dashboard.pages.conversation;

import dev.claudenexus.api.conversations.SubtaskRequest;
import dev.claudenexus.conversation.BranchNames;
import dev.claudenexus.conversation.ConversationText;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Builds the sub-task boxes of the launching requests. A sub-task is the first request of a
 * sub-agent (its parent is the launching request) with every request that follows from it. Each
 * launch is matched to the sub-task whose first message is the launch's prompt. Launches and
 * sub-tasks left over are paired in order, so identical prompts go to sub-tasks oldest first.
 */
public final class SubtaskBoxes {

  /** Characters of a task prompt in a box's tooltip. */
  static final int PROMPT_CHARS = 600;

  private SubtaskBoxes() {}

  /**
   * Returns the boxes per launching request, in launch order.
   *
   * @param launches the launches of each request that launched sub-agents
   * @param requests the sub-agent requests of those launching requests, oldest first
   * @param rootPrompt returns the prompt of a sub-task's first request, or empty
   */
  public static Map<UUID, List<SubtaskBox>> of(Map<UUID, List<TaskLaunch>> launches,
      List<SubtaskRequest> requests, Function<UUID, Optional<String>> rootPrompt) {
    Map<UUID, List<SubtaskRequest>> byTask = new LinkedHashMap<>();
    for (SubtaskRequest request : requests) {
      byTask.computeIfAbsent(request.parentTaskRequestId(), id -> new ArrayList<>()).add(request);
    }
    Map<UUID, List<SubtaskBox>> boxes = new HashMap<>();
    for (Map.Entry<UUID, List<TaskLaunch>> entry : launches.entrySet()) {
      List<SubtaskRequest> taskRequests = byTask.getOrDefault(entry.getKey(), List.of());
      boxes.put(entry.getKey(), boxesOf(entry.getKey(), entry.getValue(), taskRequests, rootPrompt));
    }
    for (Map.Entry<UUID, List<SubtaskRequest>> entry : byTask.entrySet()) {
      boxes.computeIfAbsent(entry.getKey(),
          task -> boxesOf(task, List.of(), entry.getValue(), rootPrompt));
    }
    return boxes;
  }

  private static List<SubtaskBox> boxesOf(UUID task, List<TaskLaunch> launches,
      List<SubtaskRequest> requests, Function<UUID, Optional<String>> rootPrompt) {
    Map<UUID, Long> sizes = SubtaskChains.sizes(task, requests);
    List<SubtaskRequest> roots = requests.stream()
        .filter(request -> sizes.containsKey(request.requestId())).toList();
    Map<UUID, String> prompts = new HashMap<>();
    for (SubtaskRequest root : roots) {
      rootPrompt.apply(root.requestId()).ifPresent(prompt -> prompts.put(root.requestId(), prompt));
    }
    List<SubtaskRequest> unmatched = new ArrayList<>(roots);
    SubtaskRequest[] matched = new SubtaskRequest[launches.size()];
    for (int i = 0; i < launches.size(); i++) {
      String prompt = launches.get(i).prompt();
      if (prompt == null) {
        continue;
      }
      String trimmed = ConversationText.jsTrim(prompt);
      for (SubtaskRequest root : unmatched) {
        if (trimmed.equals(prompts.get(root.requestId()))) {
          matched[i] = root;
          unmatched.remove(root);
          break;
        }
      }
    }
    List<SubtaskBox> boxes = new ArrayList<>();
    for (int i = 0; i < launches.size(); i++) {
      SubtaskRequest root = matched[i] != null ? matched[i]
          : unmatched.isEmpty() ? null : unmatched.remove(0);
      TaskLaunch launch = launches.get(i);
      String prompt = launch.prompt() != null ? launch.prompt()
          : launch.description() != null ? launch.description() : "";
      boxes.add(box(root, launch.ordinal(), root == null ? 0 : sizes.get(root.requestId()), prompt));
    }
    for (SubtaskRequest root : unmatched) {
      boxes.add(box(root, boxes.size() + 1, sizes.get(root.requestId()),
          prompts.getOrDefault(root.requestId(), "")));
    }
    return boxes;
  }

  private static SubtaskBox box(SubtaskRequest root, int position, long size, String prompt) {
    String shown = prompt.length() > PROMPT_CHARS ? prompt.substring(0, PROMPT_CHARS) + "…" : prompt;
    if (root == null) {
      return new SubtaskBox(position, 0, null, shown);
    }
    int number = BranchNames.subtaskNumber(root.branchId()).orElse(position);
    return new SubtaskBox(number, size, href(root), shown);
  }

  private static String href(SubtaskRequest root) {
    String path = "/dashboard/conversation/" + root.conversationId();
    return root.branchId() == null ? path
        : path + "?branch=" + URLEncoder.encode(root.branchId(), StandardCharsets.UTF_8);
  }
}
