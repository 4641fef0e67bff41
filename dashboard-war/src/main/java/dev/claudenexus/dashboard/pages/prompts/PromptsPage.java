package dev.claudenexus.dashboard.pages.prompts;

import dev.claudenexus.api.access.AccessSettings;
import dev.claudenexus.api.access.DashboardRoles;
import dev.claudenexus.api.mcp.McpPrompts;
import dev.claudenexus.api.mcp.McpResource;
import dev.claudenexus.api.mcp.McpSettings;
import dev.claudenexus.api.mcp.prompts.Prompt;
import dev.claudenexus.api.mcp.sync.PromptSyncService;
import dev.claudenexus.api.mcp.sync.SyncStatus;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The page {@code /dashboard/prompts}: the sync status with a "Sync now" button for admins, and the
 * prompts whose name or description contains {@code search}. {@code sync} names the outcome of a
 * sync the button started, one of {@link #SYNC_NOTICES}.
 */
@Named
@RequestScoped
public class PromptsPage {

  /** The notices after a sync, by the {@code sync} parameter that {@code /dashboard/prompt-sync} sets. */
  static final Map<String, String> SYNC_NOTICES = Map.of(
      "done", "The sync finished: the prompts match the repository.",
      "failed", "The sync failed; the status below says why. The prompts are unchanged.",
      "running", "A sync is already running; reload this page in a moment.",
      "not-configured", "The GitHub sync is not configured.");
  private static final Logger LOG = Logger.getLogger(PromptsPage.class.getName());

  @Inject McpPrompts prompts;
  @Inject PromptSyncService sync;

  private String search;
  private String syncOutcome;
  private SyncStatus status;

  public String getSearch() {
    return search;
  }

  public void setSearch(String search) {
    this.search = search == null || search.isBlank() ? null
        : search.strip().substring(0, Math.min(search.strip().length(), 200));
  }

  public String getSync() {
    return syncOutcome;
  }

  public void setSync(String sync) {
    this.syncOutcome = sync;
  }

  /** Returns the notice of the sync that just ran, or {@code null}. */
  public String getSyncNotice() {
    return syncOutcome == null ? null : SYNC_NOTICES.get(syncOutcome);
  }

  public boolean isEnabled() {
    return McpSettings.current().enabled();
  }

  public String getDirectory() {
    return McpSettings.current().promptsDirectory().toString();
  }

  /** Returns the prompts that match the search, sorted by name. */
  public List<Prompt> getPrompts() {
    return McpResource.PromptSearch.filter(prompts.library().prompts().all(), search);
  }

  /** Returns the files of the folder that are not served, with the reason, sorted by file name. */
  public List<Map.Entry<String, String>> getSkipped() {
    return prompts.library().prompts().skipped().entrySet().stream()
        .sorted(Map.Entry.comparingByKey()).toList();
  }

  public boolean isSyncConfigured() {
    return sync.configured();
  }

  /** Returns the repository and branch of the sync, such as {@code team/prompts (main)}. */
  public String getRepository() {
    return sync.source().map(source -> source.repositoryName() + " (" + source.branch() + ", "
        + (source.path().isEmpty() ? "root" : source.path() + "/") + ")").orElse(null);
  }

  /** Returns the shared sync status, or {@code null} when the database could not be read. */
  public SyncStatus getStatus() {
    if (status == null) {
      try {
        status = sync.status();
      } catch (SQLException e) {
        LOG.log(Level.WARNING, "Could not read the MCP sync status", e);
      }
    }
    return status;
  }

  /** Returns whether the visitor may start a sync: an admin, with a key configured and sync set up. */
  public boolean isCanSync() {
    return isSyncConfigured() && !AccessSettings.current().readOnly()
        && FacesContext.getCurrentInstance().getExternalContext().isUserInRole(DashboardRoles.ADMIN);
  }
}
