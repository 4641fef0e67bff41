package dev.claudenexus.launcher;

import java.util.List;
import java.util.UUID;

/**
 * The rows that {@code copy-conversation} copies, worked out from both databases before anything
 * is written.
 *
 * @param storedRequests requests of the conversation in the source database
 * @param requests requests to copy, parents before the requests that refer to them
 * @param present requests that the destination has already, which are skipped
 * @param cleared references to requests outside the copy that the destination lacks
 * @param taskInvocations rows of {@code task_invocations} that belong to {@code requests}
 * @param chunks streaming chunks to copy, or -1 when chunks are left out
 */
record CopyPlan(
    UUID conversationId,
    int storedRequests,
    List<UUID> requests,
    List<UUID> present,
    List<ClearedReference> cleared,
    long taskInvocations,
    long chunks) {

  /**
   * A reference from a copied request to a request that is neither copied nor at the destination.
   * The copy gets NULL in that column, because the foreign key would reject the missing row.
   */
  record ClearedReference(UUID requestId, String column, UUID referencedId) {}

  boolean includesChunks() {
    return chunks >= 0;
  }
}
