package dev.claudenexus.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudenexus.retention.RetentionCleaner;
import dev.claudenexus.schema.DatabaseVendor;
import dev.claudenexus.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention on stored requests: bodies and whole requests past their age, in batches. */
abstract class RetentionCleanerContract {

  private static final Instant NOW = RecordBuilder.START.toInstant().plus(Duration.ofDays(30));

  @TempDir Path journalDirectory;

  TestDatabase database;
  BatchInserter inserter;
  DatabaseVendor vendor;

  abstract TestDatabase openDatabase() throws SQLException;

  @BeforeEach
  void createDatabase() throws SQLException {
    database = openDatabase();
    inserter = new BatchInserter(database::dataSource, new StorageJournal(journalDirectory));
    try (Connection connection = database.dataSource().getConnection()) {
      vendor = DatabaseVendor.of(connection);
    }
  }

  @AfterEach
  void dropDatabase() throws SQLException {
    if (database != null) {
      database.close();
    }
  }

  private RetentionCleaner cleaner(Integer bodyDays, Integer requestDays, int batchSize) {
    return new RetentionCleaner(database.dataSource(), vendor, new RetentionCleaner.Settings(
        Optional.ofNullable(bodyDays), Optional.ofNullable(requestDays), batchSize, Duration.ZERO));
  }

  /** Stores full records (with bodies and two chunks each) that are {@code days} old at NOW. */
  private List<RequestRecord> store(int count, int days) {
    List<RequestRecord> records = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      records.add(RecordBuilder.full()
          .timestamp(OffsetDateTime.ofInstant(NOW, java.time.ZoneOffset.UTC).minusDays(days)
              .plusSeconds(i))
          .build());
    }
    assertThat(inserter.insert(records)).isTrue();
    return records;
  }

  private List<String> column(String sql, Object... values) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      try (ResultSet rs = statement.executeQuery()) {
        List<String> values0 = new ArrayList<>();
        while (rs.next()) {
          values0.add(String.valueOf(rs.getObject(1)));
        }
        return values0;
      }
    }
  }

  @Test
  void oldBodiesRemovedUsageKept() throws Exception {
    RequestRecord old = store(1, 10).get(0);
    RequestRecord recent = store(1, 1).get(0);

    RetentionCleaner.Result result = cleaner(5, null, 100).run(NOW, () -> true);

    assertThat(result.bodiesRemoved()).isEqualTo(1);
    assertThat(column("SELECT body FROM api_requests WHERE request_id = ?", old.requestId()))
        .containsExactly("null");
    assertThat(column("SELECT response_body FROM api_requests WHERE request_id = ?",
        old.requestId())).containsExactly("null");
    assertThat(column("SELECT output_tokens FROM api_requests WHERE request_id = ?",
        old.requestId())).containsExactly("345");
    assertThat(column("SELECT COUNT(*) FROM streaming_chunks WHERE request_id = ?",
        old.requestId())).containsExactly("0");
    assertThat(column("SELECT COUNT(*) FROM streaming_chunks WHERE request_id = ?",
        recent.requestId())).containsExactly("2");
    assertThat(column("SELECT body IS NOT NULL FROM api_requests WHERE request_id = ?",
        recent.requestId())).containsExactly("true");
  }

  @Test
  void oldRequestsDeletedChildrenKept() throws Exception {
    RequestRecord parent = store(1, 10).get(0);
    RequestRecord child = store(1, 1).get(0);
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement link = connection.prepareStatement("UPDATE api_requests SET"
            + " parent_request_id = ?, parent_task_request_id = ? WHERE request_id = ?")) {
      link.setObject(1, parent.requestId());
      link.setObject(2, parent.requestId());
      link.setObject(3, child.requestId());
      link.executeUpdate();
    }
    List<String> rollupsBefore = column("SELECT SUM(request_count) FROM rollup_usage_hours");

    RetentionCleaner.Result result = cleaner(null, 5, 100).run(NOW, () -> true);

    assertThat(result.requestsDeleted()).isEqualTo(1);
    assertThat(column("SELECT request_id FROM api_requests"))
        .containsExactly(child.requestId().toString());
    assertThat(column("SELECT parent_request_id FROM api_requests")).containsExactly("null");
    assertThat(column("SELECT COUNT(*) FROM streaming_chunks WHERE request_id = ?",
        parent.requestId())).containsExactly("0");
    assertThat(column("SELECT SUM(request_count) FROM rollup_usage_hours"))
        .isEqualTo(rollupsBefore);
  }

  @Test
  void batchesGoOnFromTheirLastPosition() throws Exception {
    List<RequestRecord> old = store(5, 10);

    RetentionCleaner.Result first = cleaner(5, null, 2).run(NOW, () -> true);
    RetentionCleaner.Result second = cleaner(5, null, 2).run(NOW, () -> true);

    assertThat(first.bodiesRemoved()).isEqualTo(5);
    assertThat(first.complete()).isTrue();
    assertThat(second.bodiesRemoved()).isZero();
    assertThat(column("SELECT COUNT(*) FROM api_requests WHERE body IS NOT NULL"))
        .containsExactly("0");
    assertThat(column("SELECT last_request_id FROM retention_progress"))
        .containsExactly(old.stream().map(RequestRecord::timestamp).max(OffsetDateTime::compareTo)
            .flatMap(t -> old.stream().filter(r -> r.timestamp().equals(t)).findFirst())
            .map(r -> r.requestId().toString()).orElseThrow());
  }

  @Test
  void stopRequestEndsRunEarly() throws Exception {
    store(5, 10);

    RetentionCleaner.Result result = cleaner(null, 5, 2).run(NOW, () -> false);

    assertThat(result.requestsDeleted()).isEqualTo(2);
    assertThat(result.complete()).isFalse();
    assertThat(column("SELECT COUNT(*) FROM api_requests")).containsExactly("3");
  }

  @Test
  void nothingDueChangesNothing() throws Exception {
    store(3, 1);

    RetentionCleaner.Result result = cleaner(5, 5, 100).run(NOW, () -> true);

    assertThat(result.bodiesRemoved()).isZero();
    assertThat(result.requestsDeleted()).isZero();
    assertThat(column("SELECT COUNT(*) FROM api_requests WHERE body IS NOT NULL"))
        .containsExactly("3");
  }
}
