package dev.claudenexus.api.mcp.sync;

import java.time.OffsetDateTime;

/**
 * The status of a folder's sync, as {@code GET /api/mcp/sync/status} reports it.
 *
 * @param status {@code success}, {@code error}, {@code never_synced} or {@code not_configured}
 * @param lastCommit the commit of the last successful sync, or {@code null}
 * @param lastSyncAt when the last sync ended, or {@code null}
 * @param lastError why the last sync failed, or {@code null}
 * @param running whether an instance holds the sync lease now
 */
public record SyncStatus(
    String status, String lastCommit, OffsetDateTime lastSyncAt, String lastError, boolean running) {

  static final SyncStatus NEVER_SYNCED = new SyncStatus("never_synced", null, null, null, false);
  public static final SyncStatus NOT_CONFIGURED = new SyncStatus("not_configured", null, null, null, false);
}
