package dev.claudenexus.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.claudenexus.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checks of {@link SchemaMigrator} that every supported database must pass. */
abstract class SchemaMigratorContract {

  /**
   * Every migration, in order: SQL files (among them 8.2, the retention progress, 10, the MCP sync
   * state, and 11, the audit trail) and the Java migration 8.1 that fills the rollups.
   */
  static final List<String> VERSIONS =
      List.of("1", "2", "3", "4", "5", "6", "7", "8", "8.1", "8.2", "9", "10", "11");

  private TestDatabase database;

  abstract TestDatabase openDatabase() throws SQLException;

  abstract DatabaseVendor expectedVendor();

  @BeforeEach
  void createDatabase() throws SQLException {
    database = openDatabase();
  }

  @AfterEach
  void dropDatabase() throws SQLException {
    if (database != null) {
      database.close();
    }
  }

  private DataSource dataSource() {
    return database.dataSource();
  }

  private MigrationInfo[] applied() {
    return Flyway.configure(SchemaMigrator.class.getClassLoader())
        .dataSource(dataSource())
        .locations(expectedVendor().migrationLocation())
        .javaMigrations(new RollupFill())
        .load()
        .info()
        .applied();
  }

  private boolean hasColumn(String table, String column) throws SQLException {
    try (Connection connection = dataSource().getConnection()) {
      DatabaseMetaData metaData = connection.getMetaData();
      for (String name : new String[] {column, column.toUpperCase(Locale.ROOT)}) {
        String tableName = name.equals(column) ? table : table.toUpperCase(Locale.ROOT);
        try (ResultSet columns = metaData.getColumns(null, null, tableName, name)) {
          if (columns.next()) {
            return true;
          }
        }
      }
      return false;
    }
  }

  @Test
  void migrateDetectsVendor() throws SQLException {
    assertEquals(expectedVendor(), SchemaMigrator.migrate(dataSource()));
  }

  @Test
  void migrateAppliesEveryVersion() throws SQLException {
    SchemaMigrator.migrate(dataSource());

    MigrationInfo[] applied = applied();

    assertEquals(VERSIONS, Arrays.stream(applied).map(m -> m.getVersion().getVersion()).toList());
    for (MigrationInfo migration : applied) {
      assertTrue(migration.getState().isApplied(), migration.getState().toString());
    }
  }

  @Test
  void migrateCreatesRequestColumns() throws SQLException {
    SchemaMigrator.migrate(dataSource());

    for (String column : new String[] {"request_id", "cost_usd", "outcome", "upstream_attempts",
        "cache_creation_1h_input_tokens", "query_string", "error_type", "hash_mode", "session_id",
        "summary_response"}) {
      assertTrue(hasColumn("api_requests", column), "api_requests." + column + " is missing");
    }
  }

  @Test
  void migrateCreatesChunkColumns() throws SQLException {
    SchemaMigrator.migrate(dataSource());

    for (String column : new String[] {"request_id", "chunk_index", "data", "event_type"}) {
      assertTrue(hasColumn("streaming_chunks", column), "streaming_chunks." + column + " is missing");
    }
  }

  @Test
  void migrateCreatesTaskInvocationColumns() throws SQLException {
    SchemaMigrator.migrate(dataSource());

    for (String column : new String[] {"request_id", "ordinal", "prompt_hash", "prompt", "timestamp"}) {
      assertTrue(hasColumn("task_invocations", column), "task_invocations." + column + " is missing");
    }
  }

  @Test
  void secondMigrateChangesNothing() throws SQLException {
    SchemaMigrator.migrate(dataSource());

    assertEquals(expectedVendor(), SchemaMigrator.migrate(dataSource()));
    assertEquals(VERSIONS.size(), applied().length);
  }

  @Test
  void migrateCreatesSyncStateColumns() throws SQLException {
    SchemaMigrator.migrate(dataSource());

    for (String column : new String[] {"sync_key", "sync_status", "last_commit_sha", "last_sync_at",
        "last_error", "locked_by", "locked_until"}) {
      assertTrue(hasColumn("mcp_sync_state", column), "mcp_sync_state." + column + " is missing");
    }
  }
}
