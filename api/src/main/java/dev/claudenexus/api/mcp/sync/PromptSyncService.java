package dev.claudenexus.api.mcp.sync;

import dev.claudenexus.api.mcp.GitHubSource;
import dev.claudenexus.api.mcp.McpPrompts;
import dev.claudenexus.api.mcp.McpSettings;
import dev.claudenexus.schema.SchemaMigrator;
import dev.claudenexus.storage.DataSources;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Runs the GitHub sync of this application's prompt folder under the database lease, and reports its
 * status. Both services may start a sync; the lease lets one run at a time across every instance.
 */
@ApplicationScoped
public class PromptSyncService {

  /**
   * How long a lease lasts. A sync that takes longer (more than a thousand slow downloads) could
   * overlap with the next one.
   */
  static final Duration LEASE = Duration.ofMinutes(10);
  private static final Logger LOG = Logger.getLogger(PromptSyncService.class.getName());

  /** This instance's name in the lease column: a random id per application start. */
  private final String owner = "nexus-" + UUID.randomUUID();

  @Inject McpPrompts prompts;
  private volatile boolean schemaChecked;

  /** Returns whether the GitHub sync is configured. */
  public boolean configured() {
    return McpSettings.current().syncConfigured();
  }

  /** Returns the configured GitHub folder. */
  public Optional<GitHubSource> source() {
    return McpSettings.current().github();
  }

  /** Syncs now, unless a sync runs already somewhere. */
  public SyncResult syncNow() throws SQLException {
    Optional<GitHubSource> source = source();
    if (source.isEmpty()) {
      return new SyncResult(SyncResult.Kind.NOT_CONFIGURED, null, null);
    }
    SyncStateStore store = store();
    String key = source.get().syncKey();
    if (!store.tryLock(key, owner, LEASE)) {
      return new SyncResult(SyncResult.Kind.ALREADY_RUNNING, null, null);
    }
    SyncResult result = run(source.get());
    if (result.kind() == SyncResult.Kind.DONE) {
      store.finish(key, owner, "success", result.outcome().commit(), null);
    } else {
      store.finish(key, owner, "error", "", result.error());
    }
    return result;
  }

  private SyncResult run(GitHubSource source) {
    try {
      SyncOutcome outcome = new PromptSync(new GitHubClient(source), prompts.library().directory()).run();
      if (!outcome.upToDate()) {
        prompts.library().reload();
        LOG.info(() -> "Synced MCP prompts from " + source.syncKey() + " at " + outcome.commit()
            + ": " + outcome.written().size() + " written, " + outcome.removed().size() + " removed, "
            + outcome.skipped().size() + " skipped");
      }
      return new SyncResult(SyncResult.Kind.DONE, outcome, null);
    } catch (GitHubException | IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "The GitHub sync of MCP prompts from " + source.syncKey() + " failed", e);
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new SyncResult(SyncResult.Kind.FAILED, null, message);
    }
  }

  /** Returns the sync status that every instance shares. */
  public SyncStatus status() throws SQLException {
    Optional<GitHubSource> source = source();
    if (source.isEmpty()) {
      return SyncStatus.NOT_CONFIGURED;
    }
    return store().status(source.get().syncKey());
  }

  /**
   * Returns the store, after migrating the schema once: the first sync starts with the application,
   * possibly before the storage writer has migrated the database.
   */
  private SyncStateStore store() throws SQLException {
    DataSource dataSource = DataSources.nexus();
    if (!schemaChecked) {
      SchemaMigrator.migrate(dataSource);
      schemaChecked = true;
    }
    return new SyncStateStore(dataSource, Clock.systemUTC());
  }
}
