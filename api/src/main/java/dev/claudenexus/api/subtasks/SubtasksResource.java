package dev.claudenexus.api.subtasks;

import static dev.claudenexus.json.JsonProviders.JSON;

import dev.claudenexus.api.query.QueryParameters;
import dev.claudenexus.api.query.UsdAmounts;
import dev.claudenexus.storage.DataSources;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /api/requests/{id}/subtasks}: the sub-agent requests of a task request in the original
 * dashboard's shape, {@code {status, subtasks, count}} with snake_case row fields, on both ports. An
 * unknown id has no sub-tasks and gets an empty list, as in the original.
 */
@Path("requests/{id}/subtasks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SubtasksResource {

  @GET
  public JsonObject subtasks(@PathParam("id") String id) throws SQLException {
    UUID taskRequestId = QueryParameters.uuid("id", id);
    try (Connection connection = DataSources.nexus().getConnection()) {
      return toJson(new SubtaskQuery(connection).subtasksOf(taskRequestId));
    }
  }

  static JsonObject toJson(List<SubtaskRow> rows) {
    JsonArrayBuilder subtasks = JSON.createArrayBuilder();
    for (SubtaskRow row : rows) {
      JsonObjectBuilder json = JSON.createObjectBuilder()
          .add("request_id", row.requestId().toString())
          .add("domain", row.domain())
          .add("timestamp", row.timestamp().toInstant().toString());
      nullable(json, "model", row.model());
      json.add("input_tokens", row.inputTokens())
          .add("output_tokens", row.outputTokens())
          .add("total_tokens", row.inputTokens() + row.outputTokens());
      nullable(json, "duration_ms", row.durationMs());
      nullable(json, "response_status", row.responseStatus());
      nullable(json, "conversation_id", row.conversationId());
      nullable(json, "branch_id", row.branchId());
      if (row.costUsd() == null) {
        json.addNull("cost_usd");
      } else {
        json.add("cost_usd", UsdAmounts.round(row.costUsd()));
      }
      subtasks.add(json);
    }
    return JSON.createObjectBuilder().add("status", "ok").add("subtasks", subtasks)
        .add("count", rows.size()).build();
  }

  private static void nullable(JsonObjectBuilder json, String name, Object value) {
    if (value == null) {
      json.addNull(name);
    } else if (value instanceof Integer number) {
      json.add(name, number);
    } else {
      json.add(name, value.toString());
    }
  }
}
