package dev.claudenexus.proxy.mcp;

import dev.claudenexus.api.ContainerResources;
import dev.claudenexus.api.mcp.McpPrompts;
import dev.claudenexus.api.mcp.McpSettings;
import dev.claudenexus.api.mcp.sync.PromptSyncService;
import dev.claudenexus.api.mcp.sync.SyncResult;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the MCP server when {@code MCP_ENABLED=true}: loads and watches the prompt folder, and with
 * GitHub settings runs the sync at start and then {@code MCP_SYNC_INTERVAL} seconds after each sync
 * ends, so two syncs of this instance never overlap.
 */
@ApplicationScoped
public class McpStartup {

  private static final Logger LOG = Logger.getLogger(McpStartup.class.getName());

  @Inject McpPrompts prompts;
  @Inject PromptSyncService sync;
  private ScheduledFuture<?> schedule;

  void started(@Observes @Initialized(ApplicationScoped.class) Object event) {
    McpSettings settings = McpSettings.current();
    if (!settings.enabled()) {
      return;
    }
    prompts.library();
    LOG.info("MCP server enabled at /mcp; clients authenticate with their domain's client key");
    if (settings.github().isEmpty()) {
      LOG.info("MCP GitHub sync is off: set MCP_GITHUB_OWNER, MCP_GITHUB_REPO and MCP_GITHUB_TOKEN");
      return;
    }
    long seconds = settings.syncInterval().toSeconds();
    schedule = ContainerResources.scheduledExecutor()
        .scheduleWithFixedDelay(this::syncQuietly, 0, seconds, TimeUnit.SECONDS);
    LOG.info(() -> "MCP prompts sync from " + settings.github().get().syncKey() + " every " + seconds + " s");
  }

  private void syncQuietly() {
    try {
      SyncResult result = sync.syncNow();
      if (result.kind() == SyncResult.Kind.ALREADY_RUNNING) {
        LOG.fine("Skipped a scheduled MCP prompt sync: another instance is syncing");
      }
    } catch (Exception e) {
      // A failed run must not end the schedule; the next run tries again.
      LOG.log(Level.WARNING, "The scheduled MCP prompt sync failed", e);
    }
  }

  @PreDestroy
  void stop() {
    if (schedule != null) {
      schedule.cancel(false);
    }
  }
}
