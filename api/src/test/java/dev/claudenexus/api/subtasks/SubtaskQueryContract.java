package dev.claudenexus.api.subtasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudenexus.api.testing.QueryContract;
import dev.claudenexus.api.testing.QueryDatabase;
import dev.claudenexus.api.testing.StoredRequest;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Sub-agent requests of a task request over rows seeded through SQL. */
abstract class SubtaskQueryContract extends QueryContract {

  static final OffsetDateTime START = OffsetDateTime.of(2025, 3, 10, 8, 0, 0, 0, ZoneOffset.UTC);

  private List<SubtaskRow> subtasksOf(UUID id) throws SQLException {
    try (Connection connection = database.connection()) {
      return new SubtaskQuery(connection).subtasksOf(id);
    }
  }

  @Test
  void subtasksOldestFirst() throws SQLException {
    database.clear();
    UUID conversation = UUID.randomUUID();
    StoredRequest task = StoredRequest.at(START).conversation(conversation, "main");
    StoredRequest later = StoredRequest.at(START.plusMinutes(2))
        .conversation(conversation, "subtask_2").subtaskOf(task.id()).cost("0.01");
    StoredRequest earlier = StoredRequest.at(START.plusMinutes(1))
        .conversation(conversation, "subtask_1").subtaskOf(task.id());
    database.insert(task, later, earlier, StoredRequest.at(START.plusMinutes(3)));

    List<SubtaskRow> rows = subtasksOf(task.id());
    JsonObject json = SubtasksResource.toJson(rows);

    assertThat(rows).extracting(SubtaskRow::requestId).containsExactly(earlier.id(), later.id());
    assertThat(rows.get(0).branchId()).isEqualTo("subtask_1");
    assertThat(json.getInt("count")).isEqualTo(2);
    assertThat(json.getJsonArray("subtasks").getJsonObject(0).isNull("cost_usd")).isTrue();
    assertThat(json.getJsonArray("subtasks").getJsonObject(1).getJsonNumber("cost_usd")
        .bigDecimalValue()).isEqualByComparingTo("0.01");
    assertThat(subtasksOf(UUID.randomUUID())).isEmpty();
  }
}
