package dev.claudenexus.dashboard.pages.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudenexus.api.conversations.SubtaskRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SubtaskBoxesTest {

  private final UUID task = UUID.randomUUID();
  private final UUID conversation = UUID.randomUUID();
  private final List<SubtaskRequest> requests = new ArrayList<>();
  private final Map<UUID, String> prompts = new HashMap<>();

  private UUID add(UUID parent, String branch, int minute) {
    UUID id = UUID.randomUUID();
    requests.add(new SubtaskRequest(id, parent, task, conversation, branch,
        Requests.START.plusMinutes(minute)));
    return id;
  }

  private List<SubtaskBox> boxes(List<TaskLaunch> launches) {
    return SubtaskBoxes.of(launches.isEmpty() ? Map.of() : Map.of(task, launches), requests,
        id -> Optional.ofNullable(prompts.get(id))).get(task);
  }

  @Test
  void launchMatchedByPrompt() {
    UUID first = add(task, "subtask_2", 1);
    add(first, "subtask_2", 2);
    UUID second = add(task, "subtask_3", 3);
    prompts.put(first, "Review B");
    prompts.put(second, "Review A");

    List<SubtaskBox> boxes = boxes(List.of(new TaskLaunch(1, "t1", "Review A", null),
        new TaskLaunch(2, "t2", "  Review B\n", null)));

    assertThat(boxes).extracting(SubtaskBox::label)
        .containsExactly("sub-task 3 (1)", "sub-task 2 (2)");
    assertThat(boxes.get(0).prompt()).isEqualTo("Review A");
    assertThat(boxes.get(1).href())
        .isEqualTo("/dashboard/conversation/" + conversation + "?branch=subtask_2");
  }

  @Test
  void identicalPromptsOldestFirst() {
    UUID first = add(task, "subtask_1", 1);
    UUID second = add(task, "subtask_2", 2);
    add(second, "subtask_2", 3);
    add(second, "branch_x", 4);
    prompts.put(first, "Same");
    prompts.put(second, "Same");

    List<SubtaskBox> boxes = boxes(List.of(new TaskLaunch(1, "t1", "Same", null),
        new TaskLaunch(2, "t2", "Same", null)));

    assertThat(boxes).extracting(SubtaskBox::label)
        .containsExactly("sub-task 1 (1)", "sub-task 2 (3)");
  }

  @Test
  void launchWithoutRequestsHasNoLink() {
    List<SubtaskBox> boxes = boxes(List.of(new TaskLaunch(1, "t1", "Never ran", null)));

    assertThat(boxes).containsExactly(new SubtaskBox(1, 0, null, "Never ran"));
  }

  @Test
  void subtasksWithoutLaunchesGetBoxes() {
    UUID first = add(task, "subtask_4", 1);
    prompts.put(first, "From the body");

    List<SubtaskBox> boxes = boxes(List.of());

    assertThat(boxes).containsExactly(new SubtaskBox(4, 1,
        "/dashboard/conversation/" + conversation + "?branch=subtask_4", "From the body"));
  }

  @Test
  void hostileBranchEncodedInLink() {
    add(task, "\"><svg onload=alert(1)>", 1);

    SubtaskBox box = boxes(List.of(new TaskLaunch(1, "t1", "p", null))).get(0);

    assertThat(box.number()).isEqualTo(1);
    assertThat(box.href()).endsWith("?branch=%22%3E%3Csvg+onload%3Dalert%281%29%3E");
  }

  @Test
  void longPromptCutForTooltip() {
    String prompt = "p".repeat(SubtaskBoxes.PROMPT_CHARS + 50);

    SubtaskBox box = boxes(List.of(new TaskLaunch(1, "t1", prompt, null))).get(0);

    assertThat(box.prompt()).hasSize(SubtaskBoxes.PROMPT_CHARS + 1).endsWith("…");
  }
}
