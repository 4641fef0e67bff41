package dev.claudenexus.analysis;

import dev.claudenexus.analysis.prompt.Turn;
import dev.claudenexus.analysis.prompt.TurnReader;
import dev.claudenexus.schema.DatabaseVendor;
import dev.claudenexus.storage.ChangeNotices;
import dev.claudenexus.storage.DataSources;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The analysis rows in the application's database, each call in a transaction of its own. Calls from
 * a batch chunk, which runs inside the batch runtime's transaction, commit at once, so a claim is
 * visible to other workers and to the live status before the model call returns. Every change sends a
 * change notice on PostgreSQL, which the dashboards' live status streams receive.
 */
@ApplicationScoped
public class AnalysisStore {

  private volatile AnalysisRepository repository;
  private volatile DatabaseVendor vendor;

  /** Returns the analysis of a branch. */
  @Transactional(TxType.REQUIRES_NEW)
  public Optional<StoredAnalysis> find(UUID conversationId, String branchId) throws SQLException {
    try (Connection connection = DataSources.nexus().getConnection()) {
      return repository(connection).find(connection, conversationId, branchId);
    }
  }

  /** Inserts a pending analysis and returns its id. */
  @Transactional(TxType.REQUIRES_NEW)
  public long insertPending(UUID conversationId, String branchId, String customPrompt)
      throws SQLException {
    try (Connection connection = DataSources.nexus().getConnection()) {
      long id = repository(connection).insertPending(connection, conversationId, branchId, customPrompt);
      notice(connection);
      return id;
    }
  }

  /** Puts an analysis back to pending with a fresh retry count. */
  @Transactional(TxType.REQUIRES_NEW)
  public void resetToPending(long id, String customPrompt) throws SQLException {
    try (Connection connection = DataSources.nexus().getConnection()) {
      repository(connection).resetToPending(connection, id, customPrompt);
      notice(connection);
    }
  }

  /** Claims one analysis for {@code owner}, see {@link AnalysisRepository#claim}. */
  @Transactional(TxType.REQUIRES_NEW)
  public Optional<ClaimedAnalysis> claim(String owner, int maxRetries) throws SQLException {
    try (Connection connection = DataSources.nexus().getConnection()) {
      Optional<ClaimedAnalysis> claimed =
          repository(connection).claim(connection, owner, maxRetries, Instant.now());
      if (claimed.isPresent()) {
        notice(connection);
      }
      return claimed;
    }
  }

  /** Releases the claims that start with {@code claimPrefix}, see {@link AnalysisRepository#releaseClaims}. */
  @Transactional(TxType.REQUIRES_NEW)
  public int releaseClaims(String claimPrefix) throws SQLException {
    try (Connection connection = DataSources.nexus().getConnection()) {
      int released = repository(connection).releaseClaims(connection, claimPrefix);
      if (released > 0) {
        notice(connection);
      }
      return released;
    }
  }

  /** Returns whether a worker could claim an analysis now. */
  @Transactional(TxType.REQUIRES_NEW)
  public boolean hasClaimable(int maxRetries) throws SQLException {
    try (Connection connection = DataSources.nexus().getConnection()) {
      return repository(connection).hasClaimable(connection, maxRetries, Instant.now());
    }
  }

  /** Stores a completed analysis; returns false when the claim was lost meanwhile. */
  @Transactional(TxType.REQUIRES_NEW)
  public boolean complete(ClaimedAnalysis claim, CompletedAnalysis result) throws SQLException {
    try (Connection connection = DataSources.nexus().getConnection()) {
      boolean stored = repository(connection).complete(connection, claim, result);
      notice(connection);
      return stored;
    }
  }

  /** Records a failed attempt, see {@link AnalysisRepository#recordFailure}. */
  @Transactional(TxType.REQUIRES_NEW)
  public Optional<AnalysisStatus> recordFailure(ClaimedAnalysis claim, String errorName,
      String message, int maxRetries, Duration backoff) throws SQLException {
    try (Connection connection = DataSources.nexus().getConnection()) {
      Optional<AnalysisStatus> status = repository(connection)
          .recordFailure(connection, claim, errorName, message, maxRetries, backoff);
      notice(connection);
      return status;
    }
  }

  /** Resets stuck rows, see {@link AnalysisRepository#resetStuck}. */
  @Transactional(TxType.REQUIRES_NEW)
  public List<Long> resetStuck(Duration timeout, int maxRetries) throws SQLException {
    try (Connection connection = DataSources.nexus().getConnection()) {
      List<Long> ids = repository(connection).resetStuck(connection, timeout, maxRetries);
      if (!ids.isEmpty()) {
        notice(connection);
      }
      return ids;
    }
  }

  /** Fails rows without retries left, see {@link AnalysisRepository#failExceeded}. */
  @Transactional(TxType.REQUIRES_NEW)
  public List<Long> failExceeded(int maxRetries) throws SQLException {
    try (Connection connection = DataSources.nexus().getConnection()) {
      List<Long> ids = repository(connection).failExceeded(connection, maxRetries);
      if (!ids.isEmpty()) {
        notice(connection);
      }
      return ids;
    }
  }

  /** Returns the USD spent on analyses completed since {@code since}. */
  @Transactional(TxType.REQUIRES_NEW)
  public BigDecimal costSince(Instant since) throws SQLException {
    try (Connection connection = DataSources.nexus().getConnection()) {
      return repository(connection).costSince(connection, since);
    }
  }

  /** Returns rows changed after {@code since}, see {@link AnalysisRepository#changedSince}. */
  @Transactional(TxType.REQUIRES_NEW)
  public List<AnalysisChange> changedSince(OffsetDateTime since, int limit) throws SQLException {
    try (Connection connection = DataSources.nexus().getConnection()) {
      return repository(connection).changedSince(connection, since, limit);
    }
  }

  /** Returns whether requests of the branch are stored. */
  @Transactional(TxType.REQUIRES_NEW)
  public boolean branchExists(UUID conversationId, String branchId) throws SQLException {
    try (Connection connection = DataSources.nexus().getConnection()) {
      return repository(connection).branchExists(connection, conversationId, branchId);
    }
  }

  /** Appends an audit row. */
  @Transactional(TxType.REQUIRES_NEW)
  public void audit(AuditEvent event) throws SQLException {
    try (Connection connection = DataSources.nexus().getConnection()) {
      repository(connection).audit(connection, event);
    }
  }

  /** Returns the turns of a conversation branch, see {@link TurnReader}. */
  @Transactional(TxType.REQUIRES_NEW)
  public List<Turn> loadTurns(UUID conversationId, String branchId) throws SQLException {
    try (Connection connection = DataSources.nexus().getConnection()) {
      return TurnReader.read(connection, conversationId, branchId);
    }
  }

  private AnalysisRepository repository(Connection connection) throws SQLException {
    AnalysisRepository current = repository;
    if (current == null) {
      vendor = DatabaseVendor.of(connection);
      current = new AnalysisRepository(vendor);
      repository = current;
    }
    return current;
  }

  private void notice(Connection connection) throws SQLException {
    ChangeNotices.send(connection, vendor, ChangeNotices.Kind.ANALYSES);
  }
}
