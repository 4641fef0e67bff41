package dev.claudenexus.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A database that has gone away, or that a test forbids to ask: every query fails. */
final class FailingLinkLookup implements LinkLookup {

  private LinkLookupException failure() {
    return new LinkLookupException("the database was asked and is unavailable",
        new java.sql.SQLException("connection lost", "08006"));
  }

  @Override
  public Optional<LinkedRequest> latestWithHash(
      String domain, String hash, String systemHash, Instant before, UUID excluded) {
    throw failure();
  }

  @Override
  public boolean hasChild(
      String domain, String hash, UUID conversationId, Instant before, UUID excluded) {
    throw failure();
  }

  @Override
  public List<SummaryResponse> summaryResponses(String domain, Instant from, Instant before) {
    throw failure();
  }

  @Override
  public List<TaskInvocation> taskInvocations(
      String domain, String promptHash, Instant from, Instant to) {
    throw failure();
  }

  @Override
  public Optional<LinkedRequest> request(UUID requestId) {
    throw failure();
  }

  @Override
  public int maxSubtaskNumber(UUID conversationId, Instant before) {
    throw failure();
  }
}
