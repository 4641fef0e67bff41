package dev.claudenexus.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudenexus.conversation.HashMode;
import dev.claudenexus.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Relinks a session that was stored in {@code original} mode. Its turns carry an injected system
 * message that changes every turn, so the original's hashes split it into one conversation per
 * turn; {@code current} mode ignores those messages and joins the turns again.
 */
abstract class RelinkerContract {

  private static final String DOMAIN = "relink.example.com";
  private static final int TURNS = 7;

  @TempDir Path journalDirectory;

  private TestDatabase database;
  private OffsetDateTime clock = RecordBuilder.START;

  abstract TestDatabase openDatabase() throws SQLException;

  @BeforeEach
  void storeSessionInOriginalMode() throws SQLException {
    database = openDatabase();
    BatchInserter inserter = new BatchInserter(database::dataSource,
        new StorageJournal(journalDirectory), new SqlLog(false, 0), HashMode.ORIGINAL);
    List<RequestRecord> records = new ArrayList<>();
    for (int turn = 1; turn <= TURNS; turn++) {
      records.add(turn(DOMAIN, turn));
    }
    records.add(turn("other.example.com", 1));
    assertThat(inserter.insert(records)).isTrue();
  }

  @AfterEach
  void dropDatabase() throws SQLException {
    if (database != null) {
      database.close();
    }
  }

  /** Returns the request of turn {@code n}: n user turns, then the injected system message. */
  private RequestRecord turn(String domain, int n) {
    StringBuilder messages = new StringBuilder("[");
    for (int i = 1; i <= n; i++) {
      messages.append("{\"role\":\"user\",\"content\":\"Step ").append(i).append("\"},");
      if (i < n) {
        messages.append("{\"role\":\"assistant\",\"content\":\"Done ").append(i).append("\"},");
      }
    }
    messages.append("{\"role\":\"system\",\"content\":\"Context at turn ").append(n).append("\"}]");
    clock = clock.plusSeconds(3);
    return RecordBuilder.inference("{\"model\":\"claude-opus-4-5\",\"system\":\"Be brief\","
        + "\"messages\":" + messages + "}",
        "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"Done " + n + "\"}]}")
        .domain(domain).timestamp(clock).build();
  }

  private List<String> column(String sql) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet rs = statement.executeQuery()) {
      List<String> values = new ArrayList<>();
      while (rs.next()) {
        values.add(rs.getString(1));
      }
      return values;
    }
  }

  private long conversations() throws SQLException {
    return column("SELECT DISTINCT conversation_id FROM api_requests WHERE domain = '" + DOMAIN
        + "'").size();
  }

  private Relinker.Options current(int batchSize) {
    return new Relinker.Options(HashMode.CURRENT, null, null, batchSize);
  }

  @Test
  void originalModeSplitsTheSession() throws SQLException {
    assertThat(conversations()).isEqualTo(TURNS);
  }

  @Test
  void relinkJoinsTheSessionAgain() throws SQLException {
    long relinked = new Relinker(database.dataSource()).run(current(3), (done, total) -> {});

    assertThat(relinked).isEqualTo(TURNS + 1);
    assertThat(conversations()).isEqualTo(1);
    assertThat(column("SELECT DISTINCT hash_mode FROM api_requests")).containsExactly("current");
    assertThat(column("SELECT DISTINCT branch_id FROM api_requests")).containsExactly("main");
    assertThat(RollupCheck.assertConsistent(database.dataSource()))
        .filteredOn(row -> row.startsWith("rollup_conversations") && row.contains(DOMAIN))
        .hasSize(1);
  }

  @Test
  void interruptedRelinkResumes() throws SQLException {
    List<Long> progress = new ArrayList<>();
    Relinker relinker = new Relinker(database.dataSource());
    assertThatThrownBy(() -> relinker.run(current(2), (done, total) -> {
      if (done == 4) {
        throw new IllegalStateException("interrupted");
      }
    })).hasMessage("interrupted");

    long relinked = relinker.run(current(2), (done, total) -> progress.add(done));

    assertThat(relinked).isEqualTo(TURNS + 1 - 4);
    assertThat(progress).first().isEqualTo(4L);
    assertThat(progress).last().isEqualTo((long) TURNS + 1);
    assertThat(conversations()).isEqualTo(1);
    assertThat(column("SELECT COUNT(*) FROM relink_runs WHERE finished_at IS NULL"))
        .containsExactly("0");
    RollupCheck.assertConsistent(database.dataSource());
  }

  @Test
  void domainOptionRelinksOnlyThatDomain() throws SQLException {
    new Relinker(database.dataSource())
        .run(new Relinker.Options(HashMode.CURRENT, null, "other.example.com", 10), (d, t) -> {});

    assertThat(conversations()).isEqualTo(TURNS);
    assertThat(column("SELECT hash_mode FROM api_requests WHERE domain = 'other.example.com'"))
        .containsExactly("current");
  }

  @Test
  void sinceOptionSkipsOlderRows() throws SQLException {
    Relinker.Options since = new Relinker.Options(HashMode.CURRENT,
        RecordBuilder.START.plusSeconds(3L * TURNS).toInstant(), DOMAIN, 10);

    new Relinker(database.dataSource()).run(since, (d, t) -> {});

    assertThat(column("SELECT COUNT(*) FROM api_requests WHERE hash_mode = 'current'"))
        .containsExactly("1");
  }
}
