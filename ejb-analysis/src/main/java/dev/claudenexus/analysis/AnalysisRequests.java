package dev.claudenexus.analysis;

import static dev.claudenexus.json.JsonProviders.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Requests, regenerations and reads of analyses, with their audit rows. Unlike the original, a
 * request for a failed analysis starts it again, and a regeneration starts with a fresh retry count,
 * so neither gets stuck. Audit failures are logged and do not fail the request.
 */
@ApplicationScoped
public class AnalysisRequests {

  private static final Logger LOG = Logger.getLogger(AnalysisRequests.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject AnalysisStore store;

  /** The effect of an analysis request. */
  public enum Outcome {
    /** A new pending analysis was inserted. */
    CREATED,
    /** A failed analysis was put back to pending. */
    RETRIED,
    /** The analysis is pending or processing already. */
    IN_PROGRESS,
    /** The analysis is completed already; regenerate it to get a new one. */
    COMPLETED
  }

  /** The result of a request: what happened and the analysis's id and status. */
  public record Result(Outcome outcome, long analysisId, AnalysisStatus status) {}

  /** Requests an analysis of the branch. */
  public Result request(UUID conversationId, String branchId, String customPrompt, String domain)
      throws SQLException {
    String requestId = requestId();
    audit("ANALYSIS_REQUEST", "INITIATED", conversationId, branchId, domain, requestId);
    Optional<StoredAnalysis> existing = store.find(conversationId, branchId);
    Result result;
    if (existing.isEmpty()) {
      result = new Result(Outcome.CREATED, insertOrFind(conversationId, branchId, customPrompt),
          AnalysisStatus.PENDING);
    } else if (existing.get().status() == AnalysisStatus.FAILED) {
      // A retry without a prompt keeps the one the failed analysis had.
      store.resetToPending(existing.get().id(),
          customPrompt != null ? customPrompt : existing.get().customPrompt());
      result = new Result(Outcome.RETRIED, existing.get().id(), AnalysisStatus.PENDING);
    } else if (existing.get().status() == AnalysisStatus.COMPLETED) {
      result = new Result(Outcome.COMPLETED, existing.get().id(), AnalysisStatus.COMPLETED);
    } else {
      result = new Result(Outcome.IN_PROGRESS, existing.get().id(), existing.get().status());
    }
    audit("ANALYSIS_REQUEST", "SUCCESS", conversationId, branchId, domain, requestId);
    return result;
  }

  /** Regenerates the analysis of the branch with a fresh retry count, inserting it if needed. */
  public long regenerate(UUID conversationId, String branchId, String customPrompt, String domain)
      throws SQLException {
    String requestId = requestId();
    audit("ANALYSIS_REGENERATION_REQUEST", "INITIATED", conversationId, branchId, domain, requestId);
    Optional<StoredAnalysis> existing = store.find(conversationId, branchId);
    long id;
    if (existing.isPresent()) {
      id = existing.get().id();
      store.resetToPending(id, customPrompt);
    } else {
      id = insertOrFind(conversationId, branchId, customPrompt);
    }
    audit("ANALYSIS_REGENERATION_REQUEST", "SUCCESS", conversationId, branchId, domain, requestId);
    return id;
  }

  /** Returns the analysis of the branch and records the read. */
  public Optional<StoredAnalysis> read(UUID conversationId, String branchId, String domain)
      throws SQLException {
    Optional<StoredAnalysis> analysis = store.find(conversationId, branchId);
    if (analysis.isPresent()) {
      audit("ANALYSIS_RETRIEVAL", "SUCCESS", conversationId, branchId, domain, requestId());
    }
    return analysis;
  }

  /** Returns whether requests of the branch are stored. */
  public boolean branchExists(UUID conversationId, String branchId) throws SQLException {
    return store.branchExists(conversationId, branchId);
  }

  /**
   * Inserts a pending row. When a concurrent request inserted the same branch first, the unique key
   * rejects this insert and the other row's id is returned.
   */
  private long insertOrFind(UUID conversationId, String branchId, String customPrompt)
      throws SQLException {
    try {
      return store.insertPending(conversationId, branchId, customPrompt);
    } catch (SQLException | RuntimeException e) {
      Optional<StoredAnalysis> raced = store.find(conversationId, branchId);
      if (raced.isPresent()) {
        return raced.get().id();
      }
      throw e;
    }
  }

  private void audit(String type, String outcome, UUID conversationId, String branchId, String domain,
      String requestId) {
    String metadata = JSON.createObjectBuilder().add("source", "api").build().toString();
    try {
      store.audit(new AuditEvent(type, outcome, conversationId, branchId, domain, requestId, metadata));
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "Writing the audit row " + type + "/" + outcome + " of conversation "
          + conversationId + " failed; the request goes on: " + e, e);
    }
  }

  private static String requestId() {
    byte[] bytes = new byte[6];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
