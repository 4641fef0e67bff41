package dev.claudenexus.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudenexus.schema.DatabaseVendor;
import dev.claudenexus.schema.SchemaMigrator;
import dev.claudenexus.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The analysis SQL on one database vendor; subclasses name the database. */
abstract class AnalysisRepositoryContract {

  private TestDatabase database;
  private AnalysisRepository repository;

  abstract TestDatabase createDatabase() throws SQLException;

  @BeforeEach
  void migrate() throws SQLException {
    database = createDatabase();
    DatabaseVendor vendor = SchemaMigrator.migrate(database.dataSource());
    repository = new AnalysisRepository(vendor);
  }

  @AfterEach
  void drop() throws Exception {
    // Null when the PostgreSQL subclass skipped the test because no server is configured.
    if (database != null) {
      database.close();
    }
  }

  private long pending(UUID conversation) throws SQLException {
    try (Connection connection = database.dataSource().getConnection()) {
      return repository.insertPending(connection, conversation, "main", null);
    }
  }

  @Test
  void concurrentClaimsTakeDifferentRows() throws SQLException {
    long first = pending(UUID.randomUUID());
    long second = pending(UUID.randomUUID());
    try (Connection a = database.dataSource().getConnection();
        Connection b = database.dataSource().getConnection()) {
      a.setAutoCommit(false);
      b.setAutoCommit(false);

      Optional<ClaimedAnalysis> claimA = repository.claim(a, "worker-a", 3, Instant.now());
      Optional<ClaimedAnalysis> claimB = repository.claim(b, "worker-b", 3, Instant.now());
      Optional<ClaimedAnalysis> none = repository.claim(b, "worker-b2", 3, Instant.now());

      assertThat(claimA).isPresent();
      assertThat(claimB).isPresent();
      assertThat(claimA.get().id()).isNotEqualTo(claimB.get().id());
      assertThat(java.util.Set.of(claimA.get().id(), claimB.get().id())).containsExactlyInAnyOrder(first, second);
      assertThat(none).isEmpty();
      a.commit();
      b.commit();
    }
  }

  @Test
  void ownerReclaimsItsUnfinishedRow() throws SQLException {
    long id = pending(UUID.randomUUID());
    try (Connection connection = database.dataSource().getConnection()) {
      repository.claim(connection, "job-7-p0", 3, Instant.now());

      Optional<ClaimedAnalysis> again = repository.claim(connection, "job-7-p0", 3, Instant.now());
      Optional<ClaimedAnalysis> other = repository.claim(connection, "job-8-p0", 3, Instant.now());

      assertThat(again).map(ClaimedAnalysis::id).contains(id);
      assertThat(other).isEmpty();
    }
  }

  @Test
  void releasedClaimsBecomePending() throws SQLException {
    long mine = pending(UUID.randomUUID());
    long other = pending(UUID.randomUUID());
    try (Connection connection = database.dataSource().getConnection()) {
      repository.claim(connection, "job-12-p0", 3, Instant.now());
      repository.claim(connection, "job-123-p0", 3, Instant.now());

      int released = repository.releaseClaims(connection, "job-12-p");

      assertThat(released).isEqualTo(1);
      assertThat(repository.claim(connection, "job-99-p0", 3, Instant.now()))
          .map(ClaimedAnalysis::id).contains(mine);
      assertThat(repository.countByStatus(connection)).containsEntry(AnalysisStatus.PROCESSING, 2L);
      assertThat(other).isNotEqualTo(mine);
    }
  }

  @Test
  void failuresRetryWithBackoffThenFail() throws SQLException {
    UUID conversation = UUID.randomUUID();
    pending(conversation);
    try (Connection connection = database.dataSource().getConnection()) {
      ClaimedAnalysis claim = repository.claim(connection, "w", 2, Instant.now()).orElseThrow();
      assertThat(repository.recordFailure(connection, claim, "E", "boom", 2, Duration.ofMinutes(5)))
          .contains(AnalysisStatus.PENDING);
      assertThat(repository.claim(connection, "w", 2, Instant.now())).isEmpty();

      ClaimedAnalysis second = repository.claim(connection, "w", 2, Instant.now().plusSeconds(600)).orElseThrow();
      assertThat(repository.recordFailure(connection, second, "E", "boom again", 2, Duration.ZERO))
          .contains(AnalysisStatus.FAILED);

      StoredAnalysis stored = repository.find(connection, conversation, "main").orElseThrow();
      assertThat(stored.retryCount()).isEqualTo(2);
      assertThat(ErrorHistory.latestMessage(stored.error())).contains("Failed after 2 attempts: boom again");
    }
  }

  @Test
  void completionStoresResultAndCost() throws SQLException {
    UUID conversation = UUID.randomUUID();
    pending(conversation);
    try (Connection connection = database.dataSource().getConnection()) {
      ClaimedAnalysis claim = repository.claim(connection, "w", 3, Instant.now()).orElseThrow();
      boolean stored = repository.complete(connection, claim, new CompletedAnalysis("## Summary",
          "{\"summary\":\"s\"}", "{\"candidates\":[]}", "gemini-test", 100, 20,
          new BigDecimal("0.000325"), Duration.ofMillis(1234)));

      assertThat(stored).isTrue();
      StoredAnalysis analysis = repository.find(connection, conversation, "main").orElseThrow();
      assertThat(analysis.status()).isEqualTo(AnalysisStatus.COMPLETED);
      assertThat(analysis.data()).contains("summary");
      assertThat(repository.costSince(connection, Instant.now().minusSeconds(60)))
          .isEqualByComparingTo("0.000325");
      assertThat(repository.complete(connection, claim, new CompletedAnalysis("x", null, "{}", "m",
          1, 1, BigDecimal.ZERO, Duration.ZERO))).as("a lost claim").isFalse();
    }
  }

  @Test
  void stuckRowsResetAndExceededFailed() throws SQLException {
    long stuck = pending(UUID.randomUUID());
    long exhausted = pending(UUID.randomUUID());
    try (Connection connection = database.dataSource().getConnection()) {
      repository.claim(connection, "dead", 3, Instant.now());
      try (var update = connection.prepareStatement("UPDATE conversation_analyses SET retry_count = 5"
          + " WHERE id = ?")) {
        update.setLong(1, exhausted);
        update.executeUpdate();
      }

      assertThat(repository.resetStuck(connection, Duration.ofMinutes(-1), 3)).containsExactly(stuck);
      assertThat(repository.failExceeded(connection, 3)).containsExactly(exhausted);
      assertThat(repository.countByStatus(connection))
          .containsEntry(AnalysisStatus.PENDING, 1L).containsEntry(AnalysisStatus.FAILED, 1L);
    }
  }

  @Test
  void resetToPendingClearsResultAndRetries() throws SQLException {
    UUID conversation = UUID.randomUUID();
    long id = pending(conversation);
    try (Connection connection = database.dataSource().getConnection()) {
      ClaimedAnalysis claim = repository.claim(connection, "w", 3, Instant.now()).orElseThrow();
      repository.recordFailure(connection, claim, "E", "x", 1, Duration.ZERO);

      repository.resetToPending(connection, id, "custom");

      StoredAnalysis analysis = repository.find(connection, conversation, "main").orElseThrow();
      assertThat(analysis.status()).isEqualTo(AnalysisStatus.PENDING);
      assertThat(analysis.retryCount()).isZero();
      assertThat(analysis.error()).isNull();
      assertThat(analysis.customPrompt()).isEqualTo("custom");
    }
  }
}
