package dev.claudenexus.dashboard.pages.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TaskLaunchTest {

  @Test
  void storedToolCallsParsed() {
    List<TaskLaunch> launches = TaskLaunch.parse("[{\"id\":\"toolu_1\",\"name\":\"Task\","
        + "\"input\":{\"description\":\"Find\",\"prompt\":\"List tables\"}},"
        + "{\"id\":\"toolu_2\",\"name\":\"Agent\",\"input\":{\"description\":\"Only\"}}]");

    assertThat(launches).containsExactly(
        new TaskLaunch(1, "toolu_1", "List tables", "Find"),
        new TaskLaunch(2, "toolu_2", null, "Only"));
  }

  @Test
  void originalShapeParsed() {
    assertThat(TaskLaunch.parse("[{\"id\":\"t\",\"name\":\"Task\",\"prompt\":\"P\"}]"))
        .containsExactly(new TaskLaunch(1, "t", "P", null));
  }

  @Test
  void otherColumnsHaveNoLaunches() {
    assertThat(TaskLaunch.parse(null)).isEmpty();
    assertThat(TaskLaunch.parse("{\"id\":1}")).isEmpty();
    assertThat(TaskLaunch.parse("[not json")).isEmpty();
    assertThat(TaskLaunch.parse("[1, \"x\"]")).isEmpty();
  }
}
