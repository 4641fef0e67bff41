package dev.claudenexus.api.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudenexus.api.testing.QueryContract;
import dev.claudenexus.api.testing.QueryDatabase;
import dev.claudenexus.api.testing.StoredRequest;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Conversation pages and summaries over rows seeded through SQL. */
abstract class ConversationQueryContract extends QueryContract {

  static final OffsetDateTime START = OffsetDateTime.of(2025, 3, 10, 8, 0, 0, 0, ZoneOffset.UTC);

  private static ConversationSelection selection(String limit, String offset, String cursor) {
    return ConversationSelection.parse(null, null, null, null, null, limit, offset, cursor);
  }

  private ConversationPage page(ConversationSelection selection) throws SQLException {
    try (Connection connection = database.connection()) {
      return ConversationsResource.page(connection, selection, true);
    }
  }

  private static List<UUID> ids(ConversationPage page) {
    return page.conversations().stream().map(c -> c.latest().conversationId()).toList();
  }

  /** Stores conversations whose requests interleave in time; returns them newest first. */
  private List<UUID> storeInterleaved(int conversations, int requestsEach) throws SQLException {
    List<UUID> ids = new ArrayList<>();
    List<StoredRequest> rows = new ArrayList<>();
    for (int c = 0; c < conversations; c++) {
      ids.add(0, UUID.randomUUID());
    }
    for (int r = 0; r < requestsEach; r++) {
      for (int c = 0; c < conversations; c++) {
        rows.add(StoredRequest.at(START.plusMinutes(r * 60L + c))
            .conversation(ids.get(conversations - 1 - c), "main"));
      }
    }
    database.insert(rows);
    return ids;
  }

  @Test
  void cursorPagesVisitEachConversationOnce() throws SQLException {
    List<UUID> expected = storeInterleaved(7, 3);

    List<UUID> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      ConversationPage page = page(selection("3", null, cursor));
      seen.addAll(ids(page));
      cursor = page.nextCursor().map(ConversationCursor::encode).orElse(null);
      pages++;
    } while (cursor != null && pages < 10);

    assertThat(pages).isEqualTo(3);
    assertThat(seen).isEqualTo(expected);
  }

  @Test
  void offsetPagesMatchCursorPages() throws SQLException {
    List<UUID> expected = storeInterleaved(5, 2);

    ConversationPage second = page(selection("2", "2", null));

    assertThat(ids(second)).isEqualTo(expected.subList(2, 4));
    assertThat(second.total()).contains(5L);
    assertThat(second.hasMore()).isTrue();
    assertThat(ids(page(selection("2", "4", null)))).isEqualTo(expected.subList(4, 5));
    assertThat(page(selection("2", "4", null)).hasMore()).isFalse();
  }

  @Test
  void newerWalksBackToPreviousPage() throws SQLException {
    List<UUID> expected = storeInterleaved(7, 3);
    ConversationPage first = page(selection("3", null, null));
    ConversationPage second = page(selection("3", null,
        first.nextCursor().map(ConversationCursor::encode).orElseThrow()));
    ConversationCursor secondStart = second.conversations().get(0).latest().cursor();

    List<UUID> newer;
    List<UUID> beyondTop;
    try (Connection connection = database.connection()) {
      ConversationPageQuery query = new ConversationPageQuery(connection);
      newer = query.newer(selection("3", null, null), secondStart, 4).stream()
          .map(LatestRequest::conversationId).toList();
      beyondTop = query.newer(selection("3", null, null),
          first.conversations().get(0).latest().cursor(), 4).stream()
          .map(LatestRequest::conversationId).toList();
    }

    assertThat(ids(second)).isEqualTo(expected.subList(3, 6));
    assertThat(newer).containsExactly(expected.get(2), expected.get(1), expected.get(0));
    assertThat(beyondTop).isEmpty();
  }

  @Test
  void conversationIdSelectsOneConversation() throws SQLException {
    List<UUID> stored = storeInterleaved(4, 2);

    ConversationPage page = page(ConversationSelection.page(Optional.empty(),
        Optional.of(stored.get(2)), 10, Optional.empty()));

    assertThat(ids(page)).containsExactly(stored.get(2));
    assertThat(page.conversations().get(0).messageCount()).isEqualTo(2);
  }

  @Test
  void branchNamesListEachBranchOnce() throws SQLException {
    UUID conversation = UUID.randomUUID();
    UUID other = UUID.randomUUID();
    database.insert(
        StoredRequest.at(START).conversation(conversation, "main"),
        StoredRequest.at(START.plusMinutes(1)).conversation(conversation, "main"),
        StoredRequest.at(START.plusMinutes(2)).conversation(conversation, "subtask_1"),
        StoredRequest.at(START.plusMinutes(3)).conversation(other, "branch_20250310080300"));

    Map<UUID, List<String>> names;
    try (Connection connection = database.connection()) {
      names = new ConversationSummaryQuery(connection).branchNames(selection(null, null, null),
          List.of(conversation));
    }

    assertThat(names).containsOnlyKeys(conversation);
    assertThat(names.get(conversation)).containsExactly("main", "subtask_1");
  }

  @Test
  void summaryCountsBranchesAndSubtasks() throws SQLException {
    UUID conversation = UUID.randomUUID();
    UUID first = UUID.randomUUID();
    StoredRequest root = StoredRequest.at(START).conversation(conversation, "main")
        .account("acc_1").cost("0.1");
    StoredRequest task = StoredRequest.at(START.plusMinutes(1)).conversation(conversation, "main")
        .parent(root.id());
    StoredRequest subtask = StoredRequest.at(START.plusMinutes(2))
        .conversation(conversation, "subtask_1").subtaskOf(task.id()).model("claude-haiku-4-5");
    database.insert(root, task, subtask,
        StoredRequest.at(START.plusMinutes(3)).conversation(conversation, "compact_090300"),
        StoredRequest.at(START.plusMinutes(4)).conversation(conversation, "branch_20250310090400")
            .tokens(100, 1).cacheTokens(20, 300).model("claude-opus-4-5").cost("0.2"),
        StoredRequest.at(START).conversation(first, "main"));

    ConversationPage page = page(selection(null, null, null));
    ConversationSummary summary = page.conversations().get(0);

    assertThat(ids(page)).containsExactly(conversation, first);
    assertThat(summary.messageCount()).isEqualTo(5);
    assertThat(summary.totalTokens()).isEqualTo(4 * 15 + 101);
    assertThat(summary.costUsd()).isEqualByComparingTo("0.3");
    assertThat(summary.branches()).isEqualTo(new ConversationSummary.BranchCounts(4, 1, 1, 1));
    assertThat(summary.modelsUsed())
        .containsExactly("claude-haiku-4-5", "claude-opus-4-5", "claude-sonnet-4-5");
    assertThat(summary.firstMessageTime().toInstant()).isEqualTo(START.toInstant());
    assertThat(summary.latest().model()).isEqualTo("claude-opus-4-5");
    assertThat(summary.latest().contextTokens()).isEqualTo(420);
    assertThat(summary.subtask()).isTrue();
    assertThat(summary.subtaskMessageCount()).isEqualTo(1);
    assertThat(summary.parentTaskRequestId()).isEqualTo(task.id());
    assertThat(summary.parentConversationId()).isEqualTo(conversation);
  }

  @Test
  void excludeSubtasksDropsSubtaskRequests() throws SQLException {
    UUID parent = UUID.randomUUID();
    UUID onlySubtasks = UUID.randomUUID();
    StoredRequest task = StoredRequest.at(START).conversation(parent, "main");
    database.insert(task,
        StoredRequest.at(START.plusMinutes(1)).conversation(parent, "subtask_1").subtaskOf(task.id()),
        StoredRequest.at(START.plusMinutes(2)).conversation(onlySubtasks, "main")
            .subtaskOf(task.id()));

    ConversationPage page = page(ConversationSelection.parse(null, null, null, null, "true", null,
        null, null));

    assertThat(ids(page)).containsExactly(parent);
    assertThat(page.conversations().get(0).messageCount()).isEqualTo(1);
    assertThat(page.conversations().get(0).branches().subtask()).isZero();
    assertThat(page.total()).contains(1L);
  }

  @Test
  void filtersSelectRequests() throws SQLException {
    UUID early = UUID.randomUUID();
    UUID late = UUID.randomUUID();
    database.insert(
        StoredRequest.at(START).conversation(early, "main").domain("b.example.com"),
        StoredRequest.at(START.plusHours(2)).conversation(late, "main").account("acc_1"),
        StoredRequest.at(START.plusHours(3)).conversation(late, "main").account("acc_1"));

    assertThat(ids(page(ConversationSelection.parse("b.example.com", null, null, null, null, null,
        null, null)))).containsExactly(early);
    assertThat(ids(page(ConversationSelection.parse(null, "acc_1", null, null, null, null, null,
        null)))).containsExactly(late);
    ConversationPage before = page(ConversationSelection.parse(null, null, null,
        START.plusMinutes(150).toString(), null, null, null, null));
    assertThat(ids(before)).containsExactly(late, early);
    assertThat(before.conversations().get(0).messageCount()).isEqualTo(1);
  }

  @Test
  void emptyDatabaseGivesEmptyPage() throws SQLException {
    ConversationPage page = page(selection(null, null, null));
    JsonObject json = ConversationsJson.proxyShape(page, selection(null, null, null));

    assertThat(page.conversations()).isEmpty();
    assertThat(page.nextCursor()).isEqualTo(Optional.empty());
    assertThat(json.getJsonObject("pagination").getInt("totalPages")).isZero();
    assertThat(json.getJsonObject("pagination").getInt("page")).isEqualTo(1);
  }

  @Test
  void shapesNameFieldsPerPort() throws SQLException {
    storeInterleaved(2, 1);
    ConversationSelection selection = selection("1", null, null);
    ConversationPage page = page(selection);

    JsonObject proxy = ConversationsJson.proxyShape(page, selection);
    JsonObject dashboard = ConversationsJson.dashboardShape(page);

    assertThat(proxy.getJsonArray("conversations").getJsonObject(0).keySet()).contains(
        "conversationId", "branchCount", "latestContextTokens", "totalCostUsd");
    assertThat(proxy.getJsonObject("pagination").getInt("total")).isEqualTo(2);
    assertThat(proxy.getJsonObject("pagination").getString("nextCursor")).isNotBlank();
    assertThat(dashboard.getString("status")).isEqualTo("ok");
    assertThat(dashboard.getInt("count")).isEqualTo(1);
    assertThat(dashboard.getJsonArray("conversations").getJsonObject(0).keySet())
        .contains("conversation_id", "message_count", "is_subtask");
  }
}
