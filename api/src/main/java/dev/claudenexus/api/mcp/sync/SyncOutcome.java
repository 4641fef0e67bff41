package dev.claudenexus.api.mcp.sync;

import java.util.List;

/**
 * What one sync did.
 *
 * @param commit the commit that the folder now matches
 * @param written the files written (new or changed), by file name
 * @param removed the files removed because they left the repository
 * @param skipped the repository's entries that were not written, each with the reason
 * @param upToDate whether the folder already matched the commit, so nothing was read
 */
public record SyncOutcome(
    String commit, List<String> written, List<String> removed, List<String> skipped, boolean upToDate) {}
