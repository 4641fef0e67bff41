package dev.claudenexus.api.mcp;

import static dev.claudenexus.json.JsonProviders.JSON;

import dev.claudenexus.api.access.ApiErrors;
import dev.claudenexus.api.audit.Audited;
import dev.claudenexus.api.errors.InvalidParameterException;
import dev.claudenexus.api.mcp.prompts.Prompt;
import dev.claudenexus.api.mcp.sync.PromptSyncService;
import dev.claudenexus.api.mcp.sync.SyncResult;
import dev.claudenexus.api.mcp.sync.SyncStatus;
import dev.claudenexus.audit.AuditAction;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * {@code /api/mcp/*}: the prompt library and its GitHub sync, in the original proxy's shapes. Every
 * path responds with 404 unless {@code MCP_ENABLED=true}.
 */
@Path("mcp")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class McpResource {

  static final int MAX_SEARCH_LENGTH = 200;

  @Inject McpPrompts prompts;
  @Inject PromptSyncService sync;

  /** {@code GET /api/mcp/prompts?search=}: every prompt whose name or description contains the text. */
  @GET
  @Path("prompts")
  public Response list(@QueryParam("search") String search) {
    Response disabled = disabled();
    if (disabled != null) {
      return disabled;
    }
    if (search != null && search.length() > MAX_SEARCH_LENGTH) {
      throw new InvalidParameterException("search", "at most " + MAX_SEARCH_LENGTH + " characters", search);
    }
    List<Prompt> matching = PromptSearch.filter(prompts.library().prompts().all(), search);
    JsonArrayBuilder listed = JSON.createArrayBuilder();
    matching.forEach(prompt -> listed.add(PromptJson.of(prompt)));
    return Response.ok(JSON.createObjectBuilder().add("prompts", listed).add("total", matching.size())
        .build()).build();
  }

  /** {@code GET /api/mcp/prompts/{id}}: one prompt, or 404. */
  @GET
  @Path("prompts/{id}")
  public Response prompt(@PathParam("id") String id) {
    Response disabled = disabled();
    if (disabled != null) {
      return disabled;
    }
    return prompts.library().prompts().find(id)
        .map(prompt -> Response.ok(JSON.createObjectBuilder().add("prompt", PromptJson.of(prompt)).build()))
        .orElseGet(() -> Response.fromResponse(ApiErrors.plain(404, "Prompt not found")))
        .build();
  }

  /** {@code POST /api/mcp/sync}: syncs from GitHub now and returns when the sync has ended. */
  @POST
  @Path("sync")
  @Audited(AuditAction.MCP_SYNC)
  public Response syncNow() throws SQLException {
    Response disabled = disabled();
    if (disabled != null) {
      return disabled;
    }
    SyncResult result = sync.syncNow();
    return switch (result.kind()) {
      case NOT_CONFIGURED -> ApiErrors.plain(501, "GitHub sync not configured: set MCP_GITHUB_OWNER,"
          + " MCP_GITHUB_REPO and MCP_GITHUB_TOKEN");
      case ALREADY_RUNNING -> ApiErrors.plain(409, "Sync already in progress: wait for it to end and"
          + " read GET /api/mcp/sync/status");
      case FAILED -> ApiErrors.plain(502, "GitHub sync failed: " + result.error());
      case DONE -> Response.ok(JSON.createObjectBuilder()
          .add("message", "Sync triggered successfully")
          .add("sync_status", "success")
          .add("last_commit_sha", result.outcome().commit())
          .add("written", JSON.createArrayBuilder(result.outcome().written()))
          .add("removed", JSON.createArrayBuilder(result.outcome().removed()))
          .add("skipped", JSON.createArrayBuilder(result.outcome().skipped()))
          .build()).build();
    };
  }

  /** {@code GET /api/mcp/sync/status}: the last sync's status, shared by every instance. */
  @GET
  @Path("sync/status")
  public Response status() throws SQLException {
    Response disabled = disabled();
    if (disabled != null) {
      return disabled;
    }
    SyncStatus status = sync.status();
    JsonObjectBuilder json = JSON.createObjectBuilder();
    sync.source().ifPresentOrElse(source -> json.add("repository", source.repositoryName())
        .add("branch", source.branch()), () -> json.addNull("repository").addNull("branch"));
    json.add("sync_status", status.status());
    addOrNull(json, "last_sync_at", status.lastSyncAt() == null ? null : status.lastSyncAt().toString());
    addOrNull(json, "last_commit_sha", status.lastCommit());
    addOrNull(json, "last_error", status.lastError());
    json.add("sync_in_progress", status.running());
    return Response.ok(json.build()).build();
  }

  private static void addOrNull(JsonObjectBuilder json, String name, String value) {
    if (value == null || value.isEmpty()) {
      json.addNull(name);
    } else {
      json.add(name, value);
    }
  }

  private static Response disabled() {
    return McpSettings.current().enabled() ? null
        : ApiErrors.plain(404, "MCP is not enabled: set MCP_ENABLED=true to serve prompts");
  }

  /** The JSON of a prompt in {@code /api/mcp/*}. */
  static final class PromptJson {
    private PromptJson() {}

    static JsonObject of(Prompt prompt) {
      return JSON.createObjectBuilder()
          .add("promptId", prompt.name())
          .add("name", prompt.name())
          .add("description", prompt.description())
          .add("template", prompt.template())
          .add("arguments", JSON.createArrayBuilder(prompt.arguments()))
          .build();
    }
  }

  /** Case-insensitive substring search over a prompt's id, name and description. */
  public static final class PromptSearch {
    private PromptSearch() {}

    /** Returns the prompts that match; a blank search matches all. */
    public static List<Prompt> filter(List<Prompt> prompts, String search) {
      if (search == null || search.isBlank()) {
        return prompts;
      }
      String needle = search.strip().toLowerCase(Locale.ROOT);
      return prompts.stream()
          .filter(prompt -> prompt.name().toLowerCase(Locale.ROOT).contains(needle)
              || prompt.description().toLowerCase(Locale.ROOT).contains(needle))
          .toList();
    }
  }
}
