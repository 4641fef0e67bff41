package dev.claudenexus.api.mcp.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudenexus.api.testing.QueryContract;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checks of {@link SyncStateStore} that every supported database must pass. */
abstract class SyncStateStoreContract extends QueryContract {

  private static final String KEY = "team/prompts@main:prompts";
  private static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");

  private SyncStateStore at(Instant instant) {
    return new SyncStateStore(database.dataSource(), Clock.fixed(instant, ZoneOffset.UTC));
  }

  @BeforeEach
  void emptyTable() throws SQLException {
    try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
      statement.executeUpdate("DELETE FROM mcp_sync_state");
    }
  }

  @Test
  void statusBeforeAnySyncIsNeverSynced() throws SQLException {
    assertThat(at(NOW).status(KEY).status()).isEqualTo("never_synced");
  }

  @Test
  void secondOwnerCannotLock() throws SQLException {
    assertThat(at(NOW).tryLock(KEY, "a", Duration.ofMinutes(10))).isTrue();

    assertThat(at(NOW.plusSeconds(60)).tryLock(KEY, "b", Duration.ofMinutes(10))).isFalse();
    assertThat(at(NOW).status(KEY).running()).isTrue();
  }

  @Test
  void expiredLeaseCanBeTaken() throws SQLException {
    at(NOW).tryLock(KEY, "a", Duration.ofMinutes(10));

    assertThat(at(NOW.plus(Duration.ofMinutes(11))).tryLock(KEY, "b", Duration.ofMinutes(10))).isTrue();
  }

  @Test
  void finishRecordsAndReleases() throws SQLException {
    at(NOW).tryLock(KEY, "a", Duration.ofMinutes(10));

    at(NOW).finish(KEY, "a", "success", "abc123", null);

    SyncStatus status = at(NOW).status(KEY);
    assertThat(status.status()).isEqualTo("success");
    assertThat(status.lastCommit()).isEqualTo("abc123");
    assertThat(status.lastSyncAt().toInstant()).isEqualTo(NOW);
    assertThat(status.running()).isFalse();
    assertThat(at(NOW).tryLock(KEY, "b", Duration.ofMinutes(10))).isTrue();
  }

  @Test
  void finishOfOtherOwnerChangesNothing() throws SQLException {
    at(NOW).tryLock(KEY, "a", Duration.ofMinutes(10));

    at(NOW).finish(KEY, "b", "error", "", "late");

    assertThat(at(NOW).status(KEY).status()).isEqualTo("never_synced");
    assertThat(at(NOW).status(KEY).running()).isTrue();
  }

  @Test
  void longErrorIsCut() throws SQLException {
    at(NOW).tryLock(KEY, "a", Duration.ofMinutes(10));

    at(NOW).finish(KEY, "a", "error", "", "x".repeat(5_000));

    assertThat(at(NOW).status(KEY).lastError()).hasSize(SyncStateStore.MAX_ERROR_LENGTH);
  }
}
