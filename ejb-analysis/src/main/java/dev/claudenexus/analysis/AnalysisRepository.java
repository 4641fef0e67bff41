package dev.claudenexus.analysis;

import dev.claudenexus.schema.DatabaseVendor;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * SQL of {@code conversation_analyses} on H2 and PostgreSQL. Every method runs on the caller's
 * connection and leaves the transaction to the caller, so the container's transactions and the
 * command line's plain JDBC share it. Status values are literals in the SQL because PostgreSQL
 * stores them in an enum type that a text parameter does not match.
 */
public final class AnalysisRepository {

  private static final String COLUMNS = "id, conversation_id, branch_id, status, analysis_content,"
      + " analysis_data, error_message, custom_prompt, model_used, retry_count, prompt_tokens,"
      + " completion_tokens, cost_usd, created_at, updated_at, completed_at";

  private final String jsonParameter;

  /** Creates a repository for the vendor's SQL: PostgreSQL casts JSON text to {@code jsonb}. */
  public AnalysisRepository(DatabaseVendor vendor) {
    this.jsonParameter = vendor == DatabaseVendor.POSTGRESQL ? "CAST(? AS jsonb)" : "?";
  }

  /** Returns the analysis of a branch, if one was requested. */
  public Optional<StoredAnalysis> find(Connection connection, UUID conversationId, String branchId)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
        + " FROM conversation_analyses WHERE conversation_id = ? AND branch_id = ?")) {
      select.setObject(1, conversationId);
      select.setString(2, branchId);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  /** Inserts a pending analysis and returns its id. */
  public long insertPending(Connection connection, UUID conversationId, String branchId,
      String customPrompt) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO conversation_analyses"
        + " (conversation_id, branch_id, status, custom_prompt, retry_count) VALUES (?, ?, 'pending', ?, 0)",
        new String[] {"id"})) {
      insert.setObject(1, conversationId);
      insert.setString(2, branchId);
      insert.setString(3, customPrompt);
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  /**
   * Puts an analysis back to {@code pending} with a fresh retry count and clears its result, for a
   * regeneration or a new request after it failed.
   */
  public void resetToPending(Connection connection, long id, String customPrompt) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement("UPDATE conversation_analyses SET"
        + " status = 'pending', retry_count = 0, custom_prompt = ?, error_message = NULL,"
        + " analysis_content = NULL, analysis_data = NULL, raw_response = NULL, completed_at = NULL,"
        + " generated_at = NULL, next_attempt_at = NULL, claimed_by = NULL,"
        + " updated_at = CURRENT_TIMESTAMP WHERE id = ?")) {
      update.setString(1, customPrompt);
      update.setLong(2, id);
      update.executeUpdate();
    }
  }

  /**
   * Claims one analysis for {@code owner}: first a row this owner claimed before and did not finish
   * (a restarted job run continues its own work), else the oldest pending row whose retry delay has
   * passed. {@code FOR UPDATE SKIP LOCKED} skips rows that another transaction is claiming, so two
   * workers never get the same row; H2 2.2 supports the same clause. The caller commits.
   */
  public Optional<ClaimedAnalysis> claim(Connection connection, String owner, int maxRetries,
      Instant now) throws SQLException {
    String columns = "SELECT id, conversation_id, branch_id, custom_prompt, retry_count"
        + " FROM conversation_analyses ";
    Optional<ClaimedAnalysis> own;
    try (PreparedStatement select = connection.prepareStatement(columns
        + "WHERE status = 'processing' AND claimed_by = ? ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED")) {
      select.setString(1, owner);
      own = readClaim(select, owner);
    }
    if (own.isPresent()) {
      return own;
    }
    // Oldest first by id, which follows created_at. H2 2.2 applies LIMIT before SKIP LOCKED when it
    // sorts by another column or reads through another index, and then returns no row while the
    // first candidate is locked. Ordered by the primary key it skips the locked row as PostgreSQL does.
    Optional<ClaimedAnalysis> pending;
    try (PreparedStatement select = connection.prepareStatement(columns
        + "WHERE status = 'pending' AND retry_count < ?"
        + " AND (next_attempt_at IS NULL OR next_attempt_at <= ?)"
        + " ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED")) {
      select.setInt(1, maxRetries);
      select.setObject(2, now.atOffset(ZoneOffset.UTC));
      pending = readClaim(select, owner);
    }
    if (pending.isPresent()) {
      try (PreparedStatement update = connection.prepareStatement("UPDATE conversation_analyses SET"
          + " status = 'processing', claimed_by = ?, updated_at = CURRENT_TIMESTAMP WHERE id = ?")) {
        update.setString(1, owner);
        update.setLong(2, pending.get().id());
        update.executeUpdate();
      }
    }
    return pending;
  }

  private static Optional<ClaimedAnalysis> readClaim(PreparedStatement select, String owner)
      throws SQLException {
    try (ResultSet rs = select.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      return Optional.of(new ClaimedAnalysis(rs.getLong(1), rs.getObject(2, UUID.class),
          rs.getString(3), rs.getString(4), rs.getInt(5), owner));
    }
  }

  /**
   * Puts the {@code processing} rows whose claim starts with {@code claimPrefix} back to
   * {@code pending}, without counting a retry. Returns how many.
   */
  public int releaseClaims(Connection connection, String claimPrefix) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement("UPDATE conversation_analyses SET"
        + " status = 'pending', claimed_by = NULL, updated_at = CURRENT_TIMESTAMP"
        + " WHERE status = 'processing' AND claimed_by LIKE ?")) {
      // Claims consist of letters, digits and '-', so none of LIKE's wildcards occur in the prefix.
      update.setString(1, claimPrefix + "%");
      return update.executeUpdate();
    }
  }

  /** Returns whether a worker could claim an analysis now. */
  public boolean hasClaimable(Connection connection, int maxRetries, Instant now) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM conversation_analyses"
        + " WHERE status = 'pending' AND retry_count < ?"
        + " AND (next_attempt_at IS NULL OR next_attempt_at <= ?) LIMIT 1")) {
      select.setInt(1, maxRetries);
      select.setObject(2, now.atOffset(ZoneOffset.UTC));
      try (ResultSet rs = select.executeQuery()) {
        return rs.next();
      }
    }
  }

  /**
   * Stores a completed analysis, unless the claim was lost meanwhile (the watchdog reset the row, or
   * it was regenerated). Returns whether the row was updated.
   */
  public boolean complete(Connection connection, ClaimedAnalysis claim, CompletedAnalysis result)
      throws SQLException {
    try (PreparedStatement update = connection.prepareStatement("UPDATE conversation_analyses SET"
        + " status = 'completed', analysis_content = ?, analysis_data = " + jsonParameter
        + ", raw_response = " + jsonParameter + ", model_used = ?, prompt_tokens = ?,"
        + " completion_tokens = ?, cost_usd = ?, processing_duration_ms = ?, generated_at = ?,"
        + " completed_at = CURRENT_TIMESTAMP, claimed_by = NULL, next_attempt_at = NULL,"
        + " updated_at = CURRENT_TIMESTAMP"
        + " WHERE id = ? AND status = 'processing' AND claimed_by = ?")) {
      update.setString(1, result.content());
      if (result.data() == null) {
        update.setNull(2, Types.VARCHAR);
      } else {
        update.setString(2, result.data());
      }
      update.setString(3, result.rawResponse());
      update.setString(4, result.model());
      update.setInt(5, result.promptTokens());
      update.setInt(6, result.completionTokens());
      update.setBigDecimal(7, result.costUsd());
      update.setInt(8, (int) Math.min(Integer.MAX_VALUE, result.duration().toMillis()));
      update.setObject(9, OffsetDateTime.now(ZoneOffset.UTC));
      update.setLong(10, claim.id());
      update.setString(11, claim.claimedBy());
      return update.executeUpdate() == 1;
    }
  }

  /**
   * Records a failed attempt: back to {@code pending} after the backoff delay, or {@code failed}
   * when this was the last of {@code maxRetries} attempts. Returns the new status, or empty when the
   * claim was lost meanwhile.
   */
  public Optional<AnalysisStatus> recordFailure(Connection connection, ClaimedAnalysis claim,
      String errorName, String message, int maxRetries, Duration backoff) throws SQLException {
    String history;
    try (PreparedStatement select = connection.prepareStatement("SELECT error_message FROM"
        + " conversation_analyses WHERE id = ? AND status = 'processing' AND claimed_by = ?")) {
      select.setLong(1, claim.id());
      select.setString(2, claim.claimedBy());
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        history = rs.getString(1);
      }
    }
    int retries = claim.retryCount() + 1;
    boolean last = retries >= maxRetries;
    history = ErrorHistory.add(history, "retry_" + retries, errorName, message);
    if (last) {
      history = ErrorHistory.add(history, "final_error", errorName,
          "Failed after " + retries + " attempts: " + message);
    }
    try (PreparedStatement update = connection.prepareStatement("UPDATE conversation_analyses SET"
        + " status = " + (last ? "'failed'" : "'pending'") + ", retry_count = ?, error_message = ?,"
        + " next_attempt_at = ?, completed_at = " + (last ? "CURRENT_TIMESTAMP" : "NULL")
        + ", claimed_by = NULL, updated_at = CURRENT_TIMESTAMP WHERE id = ?")) {
      update.setInt(1, retries);
      update.setString(2, history);
      update.setObject(3, OffsetDateTime.now(ZoneOffset.UTC).plus(backoff));
      update.setLong(4, claim.id());
      update.executeUpdate();
    }
    return Optional.of(last ? AnalysisStatus.FAILED : AnalysisStatus.PENDING);
  }

  /**
   * Puts {@code processing} rows not updated for {@code timeout} back to {@code pending} with one
   * more retry, or fails those that have no retry left. Returns the ids reset or failed.
   */
  public List<Long> resetStuck(Connection connection, Duration timeout, int maxRetries)
      throws SQLException {
    OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minus(timeout);
    List<long[]> stuck = new ArrayList<>();
    List<String> histories = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement("SELECT id, retry_count,"
        + " error_message FROM conversation_analyses WHERE status = 'processing' AND updated_at < ?"
        + " ORDER BY id FOR UPDATE SKIP LOCKED")) {
      select.setObject(1, before);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          stuck.add(new long[] {rs.getLong(1), rs.getInt(2)});
          histories.add(rs.getString(3));
        }
      }
    }
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < stuck.size(); i++) {
      long id = stuck.get(i)[0];
      int retries = (int) stuck.get(i)[1] + 1;
      boolean last = retries >= maxRetries;
      String message = "Reset by watchdog: processing for more than " + timeout.toMinutes() + " minutes";
      String history = ErrorHistory.add(histories.get(i), "stuck_job", "StuckJob", message);
      if (last) {
        history = ErrorHistory.add(history, "final_error", "StuckJob",
            "Maximum retry attempts exceeded after the watchdog reset it");
      }
      try (PreparedStatement update = connection.prepareStatement("UPDATE conversation_analyses SET"
          + " status = " + (last ? "'failed'" : "'pending'") + ", retry_count = ?,"
          + " error_message = ?, claimed_by = NULL, next_attempt_at = NULL, completed_at = "
          + (last ? "CURRENT_TIMESTAMP" : "NULL") + ", updated_at = CURRENT_TIMESTAMP WHERE id = ?")) {
        update.setInt(1, retries);
        update.setString(2, history);
        update.setLong(3, id);
        update.executeUpdate();
      }
      ids.add(id);
    }
    return ids;
  }

  /** Fails pending rows whose retries are used up (after the setting was lowered). Returns their ids. */
  public List<Long> failExceeded(Connection connection, int maxRetries) throws SQLException {
    List<Long> ids = new ArrayList<>();
    List<String> histories = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement("SELECT id, error_message FROM"
        + " conversation_analyses WHERE status = 'pending' AND retry_count >= ?"
        + " ORDER BY id FOR UPDATE SKIP LOCKED")) {
      select.setInt(1, maxRetries);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
          histories.add(rs.getString(2));
        }
      }
    }
    for (int i = 0; i < ids.size(); i++) {
      try (PreparedStatement update = connection.prepareStatement("UPDATE conversation_analyses SET"
          + " status = 'failed', error_message = ?, completed_at = CURRENT_TIMESTAMP,"
          + " updated_at = CURRENT_TIMESTAMP WHERE id = ?")) {
        update.setString(1, ErrorHistory.add(histories.get(i), "final_error", "MaxRetriesExceeded",
            "Maximum retry attempts exceeded (" + maxRetries + ")"));
        update.setLong(2, ids.get(i));
        update.executeUpdate();
      }
    }
    return ids;
  }

  /** Returns the USD that the analyses completed since {@code since} cost. */
  public BigDecimal costSince(Connection connection, Instant since) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT COALESCE(SUM(cost_usd), 0)"
        + " FROM conversation_analyses WHERE completed_at >= ? AND cost_usd IS NOT NULL")) {
      select.setObject(1, since.atOffset(ZoneOffset.UTC));
      try (ResultSet rs = select.executeQuery()) {
        rs.next();
        return rs.getBigDecimal(1);
      }
    }
  }

  /** Returns the number of rows in each status. */
  public Map<AnalysisStatus, Long> countByStatus(Connection connection) throws SQLException {
    Map<AnalysisStatus, Long> counts = new EnumMap<>(AnalysisStatus.class);
    for (AnalysisStatus status : AnalysisStatus.values()) {
      counts.put(status, 0L);
    }
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT CAST(status AS VARCHAR(20)), COUNT(*) FROM conversation_analyses GROUP BY status");
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        counts.put(AnalysisStatus.of(rs.getString(1)), rs.getLong(2));
      }
    }
    return counts;
  }

  /** Returns the rows updated after {@code since}, oldest change first, at most {@code limit}. */
  public List<AnalysisChange> changedSince(Connection connection, OffsetDateTime since, int limit)
      throws SQLException {
    List<AnalysisChange> changes = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement("SELECT id, conversation_id,"
        + " branch_id, CAST(status AS VARCHAR(20)), updated_at FROM conversation_analyses"
        + " WHERE updated_at > ? ORDER BY updated_at, id LIMIT ?")) {
      select.setObject(1, since);
      select.setInt(2, limit);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          changes.add(new AnalysisChange(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
              AnalysisStatus.of(rs.getString(4)), rs.getObject(5, OffsetDateTime.class)));
        }
      }
    }
    return changes;
  }

  /** Returns whether requests of the branch are stored. */
  public boolean branchExists(Connection connection, UUID conversationId, String branchId)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM api_requests"
        + " WHERE conversation_id = ? AND branch_id = ? LIMIT 1")) {
      select.setObject(1, conversationId);
      select.setString(2, branchId);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Appends a row to {@code analysis_audit_log}; {@code metadata} is a JSON object as text. */
  public void audit(Connection connection, AuditEvent event) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO analysis_audit_log"
        + " (event_type, outcome, conversation_id, branch_id, domain, request_id, metadata)"
        + " VALUES (?, ?, ?, ?, ?, ?, " + jsonParameter + ")")) {
      insert.setString(1, event.type());
      insert.setString(2, event.outcome());
      insert.setObject(3, event.conversationId());
      insert.setString(4, event.branchId());
      insert.setString(5, event.domain());
      insert.setString(6, event.requestId());
      insert.setString(7, event.metadata());
      insert.executeUpdate();
    }
  }

  private static StoredAnalysis read(ResultSet rs) throws SQLException {
    int promptTokens = rs.getInt("prompt_tokens");
    Integer prompt = rs.wasNull() ? null : promptTokens;
    int completionTokens = rs.getInt("completion_tokens");
    Integer completion = rs.wasNull() ? null : completionTokens;
    return new StoredAnalysis(
        rs.getLong("id"),
        rs.getObject("conversation_id", UUID.class),
        rs.getString("branch_id"),
        AnalysisStatus.of(rs.getString("status")),
        rs.getString("analysis_content"),
        rs.getString("analysis_data"),
        rs.getString("error_message"),
        rs.getString("custom_prompt"),
        rs.getString("model_used"),
        rs.getInt("retry_count"),
        prompt,
        completion,
        rs.getBigDecimal("cost_usd"),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("updated_at", OffsetDateTime.class),
        rs.getObject("completed_at", OffsetDateTime.class));
  }
}
