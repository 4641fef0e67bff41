package dev.claudenexus.api.conversations;

import static dev.claudenexus.json.JsonProviders.JSON;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudenexus.api.testing.QueryContract;
import dev.claudenexus.api.testing.StoredRequest;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The conversation page's queries over rows seeded through SQL. */
abstract class ConversationRequestsQueryContract extends QueryContract {

  static final OffsetDateTime START = OffsetDateTime.of(2025, 3, 10, 8, 0, 0, 0, ZoneOffset.UTC);

  private final UUID conversation = UUID.randomUUID();

  /** Seeds main (3 requests), a branch off the second and a sub-task of the first. */
  private List<StoredRequest> seed() throws SQLException {
    StoredRequest first = StoredRequest.at(START).conversation(conversation, "main")
        .duration(100).tokens(10, 5);
    StoredRequest second = StoredRequest.at(START.plusMinutes(1))
        .conversation(conversation, "main").parent(first.id()).duration(200);
    StoredRequest subtask = StoredRequest.at(START.plusMinutes(2))
        .conversation(conversation, "subtask_1").parent(first.id()).subtaskOf(first.id());
    StoredRequest branch = StoredRequest.at(START.plusMinutes(3))
        .conversation(conversation, "branch_1").parent(second.id()).duration(300);
    StoredRequest third = StoredRequest.at(START.plusMinutes(4))
        .conversation(conversation, "main").parent(second.id()).cacheTokens(7, 1000).duration(null);
    StoredRequest other = StoredRequest.at(START.plusMinutes(5))
        .conversation(UUID.randomUUID(), "main");
    database.insert(first, second, subtask, branch, third, other);
    return List.of(first, second, subtask, branch, third);
  }

  private ConversationRequestsQuery query(Connection connection) {
    return new ConversationRequestsQuery(connection);
  }

  @Test
  void branchesOldestFirstWithCounts() throws SQLException {
    seed();
    try (Connection connection = database.connection()) {
      List<ConversationBranch> branches = query(connection).branches(conversation);

      assertThat(branches).extracting(ConversationBranch::branchId)
          .containsExactly("main", "subtask_1", "branch_1");
      assertThat(branches.get(0).requests()).isEqualTo(3);
      assertThat(branches.get(0).totalTokens()).isEqualTo(15 + 15 + 15);
      assertThat(branches.get(0).firstTimestamp()).isEqualTo(START);
      assertThat(branches.get(0).lastTimestamp()).isEqualTo(START.plusMinutes(4));
      assertThat(query(connection).branches(UUID.randomUUID())).isEmpty();
    }
  }

  @Test
  void requestsNewestFirstWithKeyset() throws SQLException {
    List<StoredRequest> rows = seed();
    try (Connection connection = database.connection()) {
      RequestSelection all = RequestSelection.all(conversation);
      List<ConversationRequest> firstPage = query(connection).requests(all, Optional.empty(), 2);
      ConversationRequest last = firstPage.get(1);
      List<ConversationRequest> secondPage = query(connection).requests(all,
          Optional.of(new RequestPosition(last.timestamp(), last.requestId())), 10);

      assertThat(firstPage).extracting(ConversationRequest::requestId)
          .containsExactly(rows.get(4).id(), rows.get(3).id());
      assertThat(secondPage).extracting(ConversationRequest::requestId)
          .containsExactly(rows.get(2).id(), rows.get(1).id(), rows.get(0).id());
      assertThat(firstPage.get(0).contextTokens()).isEqualTo(10 + 7 + 1000);
      assertThat(firstPage.get(0).durationMs()).isNull();
      assertThat(secondPage.get(0).subtask()).isTrue();
      assertThat(secondPage.get(1).parentRequestId()).isEqualTo(rows.get(0).id());
    }
  }

  @Test
  void branchSelectionAddsOlderMain() throws SQLException {
    List<StoredRequest> rows = seed();
    try (Connection connection = database.connection()) {
      RequestSelection branch = RequestSelection.branch(conversation, "branch_1",
          START.plusMinutes(3));
      RequestSelection main = RequestSelection.branch(conversation, "main", START);

      assertThat(query(connection).requests(branch, Optional.empty(), 10))
          .extracting(ConversationRequest::requestId)
          .containsExactly(rows.get(3).id(), rows.get(1).id(), rows.get(0).id());
      assertThat(query(connection).requests(main, Optional.empty(), 10))
          .extracting(ConversationRequest::branchId).containsOnly("main").hasSize(3);
    }
  }

  @Test
  void totalsOfSelection() throws SQLException {
    seed();
    try (Connection connection = database.connection()) {
      ConversationTotals all = query(connection).totals(RequestSelection.all(conversation));
      ConversationTotals none = query(connection).totals(RequestSelection.all(UUID.randomUUID()));

      assertThat(all.requests()).isEqualTo(5);
      assertThat(all.firstTimestamp()).isEqualTo(START);
      assertThat(all.lastTimestamp()).isEqualTo(START.plusMinutes(4));
      assertThat(all.inferenceMs()).isEqualTo(100 + 200 + 100 + 300);
      assertThat(all.subtasks()).isEqualTo(1);
      assertThat(none.requests()).isZero();
      assertThat(none.firstTimestamp()).isNull();
    }
  }

  @Test
  void subtaskRequestsOfTasks() throws SQLException {
    List<StoredRequest> rows = seed();
    try (Connection connection = database.connection()) {
      List<SubtaskRequest> subtasks = query(connection).subtaskRequests(
          List.of(rows.get(0).id(), rows.get(1).id()), 100);

      assertThat(subtasks).extracting(SubtaskRequest::requestId).containsExactly(rows.get(2).id());
      assertThat(subtasks.get(0).parentTaskRequestId()).isEqualTo(rows.get(0).id());
      assertThat(subtasks.get(0).branchId()).isEqualTo("subtask_1");
      assertThat(query(connection).subtaskRequests(List.of(), 100)).isEmpty();
    }
  }

  @Test
  void lastMessagesEndWithLastMessage() throws SQLException {
    List<StoredRequest> rows = seed();
    StringBuilder messages = new StringBuilder();
    for (int i = 1; i <= 12; i++) {
      messages.append(i == 1 ? "" : ",").append("{\"role\":\"user\",\"content\":\"m").append(i)
          .append("\"}");
    }
    setBody(rows.get(0).id(), "{\"model\":\"m\",\"messages\":[" + messages + "]}");
    setBody(rows.get(1).id(), "{\"messages\":[]}");
    try (Connection connection = database.connection()) {
      Map<UUID, String> documents = query(connection).lastMessages(
          List.of(rows.get(0).id(), rows.get(1).id(), rows.get(2).id()));

      JsonArray last = read(documents.get(rows.get(0).id())).getJsonArray("messages");
      assertThat(last.size()).isGreaterThanOrEqualTo(ConversationRequestsQuery.LAST_MESSAGES);
      assertThat(last.getJsonObject(last.size() - 1).getString("content")).isEqualTo("m12");
      assertThat(read(documents.get(rows.get(1).id())).getJsonArray("messages")).isEmpty();
      assertThat(documents.get(rows.get(2).id())).isNull();
    }
  }

  private void setBody(UUID requestId, String body) throws SQLException {
    try (Connection connection = database.connection();
        PreparedStatement statement = connection.prepareStatement(
            "UPDATE api_requests SET body = ? WHERE request_id = ?")) {
      statement.setObject(1, body);
      statement.setObject(2, requestId);
      statement.executeUpdate();
    }
  }

  private static JsonObject read(String json) {
    return JSON.createReader(new StringReader(json)).readObject();
  }
}
