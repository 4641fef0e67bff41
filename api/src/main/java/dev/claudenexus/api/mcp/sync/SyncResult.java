package dev.claudenexus.api.mcp.sync;

/**
 * The result of a request to sync now.
 *
 * @param kind what happened
 * @param outcome what the sync did, when {@code kind} is {@link Kind#DONE}
 * @param error why the sync failed, when {@code kind} is {@link Kind#FAILED}
 */
public record SyncResult(Kind kind, SyncOutcome outcome, String error) {

  /** What happened to a request to sync now. */
  public enum Kind {
    /** The GitHub sync settings are not set. */
    NOT_CONFIGURED,
    /** A sync of another thread or instance holds the lease. */
    ALREADY_RUNNING,
    /** The sync ran and the folder matches the head commit. */
    DONE,
    /** The sync failed; the folder is as it was. */
    FAILED
  }
}
