package dev.claudenexus.api.conversations;

import static dev.claudenexus.json.JsonProviders.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.UUID;

/**
 * Renders a page of conversations in the original proxy's shape (camelCase fields and
 * {@code pagination}) or the original dashboard's ({@code status}, snake_case row fields and
 * {@code count}). Both add {@code nextCursor} and the cost.
 */
final class ConversationsJson {

  private ConversationsJson() {}

  static JsonObject proxyShape(ConversationPage page, ConversationSelection selection) {
    JsonArrayBuilder conversations = JSON.createArrayBuilder();
    page.conversations().forEach(c -> conversations.add(proxyRow(c)));
    long total = page.total().orElse(0L);
    long limit = selection.limit();
    JsonObjectBuilder pagination = JSON.createObjectBuilder()
        .add("total", total)
        .add("limit", limit)
        .add("offset", selection.offset())
        .add("hasMore", page.hasMore())
        .add("page", selection.offset() / limit + 1)
        .add("totalPages", (total + limit - 1) / limit);
    addCursor(pagination, page);
    return JSON.createObjectBuilder()
        .add("conversations", conversations)
        .add("pagination", pagination)
        .build();
  }

  static JsonObject dashboardShape(ConversationPage page) {
    JsonArrayBuilder conversations = JSON.createArrayBuilder();
    page.conversations().forEach(c -> conversations.add(dashboardRow(c)));
    JsonObjectBuilder json = JSON.createObjectBuilder()
        .add("status", "ok")
        .add("conversations", conversations)
        .add("count", page.conversations().size());
    addCursor(json, page);
    return json.build();
  }

  private static JsonObjectBuilder proxyRow(ConversationSummary c) {
    JsonObjectBuilder row = JSON.createObjectBuilder()
        .add("conversationId", c.latest().conversationId().toString());
    addText(row, "domain", c.latest().domain());
    addText(row, "accountId", c.latest().accountId());
    row.add("firstMessageTime", c.firstMessageTime().toInstant().toString())
        .add("lastMessageTime", c.latest().timestamp().toInstant().toString())
        .add("messageCount", c.messageCount())
        .add("totalTokens", c.totalTokens())
        .add("totalCostUsd", c.costUsd())
        .add("branchCount", c.branches().total())
        .add("subtaskBranchCount", c.branches().subtask())
        .add("compactBranchCount", c.branches().compact())
        .add("userBranchCount", c.branches().user())
        .add("modelsUsed", JSON.createArrayBuilder(c.modelsUsed()))
        .add("latestRequestId", c.latest().requestId().toString());
    addText(row, "latestModel", c.latest().model());
    row.add("latestContextTokens", c.latest().contextTokens())
        .add("isSubtask", c.subtask());
    addId(row, "parentTaskRequestId", c.parentTaskRequestId());
    addId(row, "parentConversationId", c.parentConversationId());
    return row.add("subtaskMessageCount", c.subtaskMessageCount());
  }

  private static JsonObjectBuilder dashboardRow(ConversationSummary c) {
    JsonObjectBuilder row = JSON.createObjectBuilder()
        .add("conversation_id", c.latest().conversationId().toString());
    addText(row, "domain", c.latest().domain());
    addText(row, "account_id", c.latest().accountId());
    row.add("first_message", c.firstMessageTime().toInstant().toString())
        .add("last_message", c.latest().timestamp().toInstant().toString())
        .add("message_count", c.messageCount())
        .add("total_tokens", c.totalTokens())
        .add("total_cost_usd", c.costUsd())
        .add("branch_count", c.branches().total())
        .add("subtask_branch_count", c.branches().subtask())
        .add("compact_branch_count", c.branches().compact())
        .add("user_branch_count", c.branches().user())
        .add("models_used", JSON.createArrayBuilder(c.modelsUsed()))
        .add("latest_request_id", c.latest().requestId().toString());
    addText(row, "latest_model", c.latest().model());
    row.add("latest_context_tokens", c.latest().contextTokens())
        .add("is_subtask", c.subtask());
    addId(row, "parent_task_request_id", c.parentTaskRequestId());
    addId(row, "parent_conversation_id", c.parentConversationId());
    return row.add("subtask_message_count", c.subtaskMessageCount());
  }

  private static void addCursor(JsonObjectBuilder json, ConversationPage page) {
    page.nextCursor().ifPresentOrElse(c -> json.add("nextCursor", c.encode()),
        () -> json.addNull("nextCursor"));
  }

  private static void addText(JsonObjectBuilder row, String name, String value) {
    if (value == null) {
      row.addNull(name);
    } else {
      row.add(name, value);
    }
  }

  private static void addId(JsonObjectBuilder row, String name, UUID value) {
    addText(row, name, value == null ? null : value.toString());
  }
}
