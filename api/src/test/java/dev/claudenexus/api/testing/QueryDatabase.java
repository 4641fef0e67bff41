package dev.claudenexus.api.testing;

import dev.claudenexus.rollup.UsageRollups;
import dev.claudenexus.schema.DatabaseVendor;
import dev.claudenexus.schema.SchemaMigrator;
import dev.claudenexus.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * A migrated database for query tests: H2 in memory, or a fresh PostgreSQL database when
 * {@code NEXUS_TEST_DATABASE_URL} is set (the PostgreSQL variant skips otherwise).
 */
public final class QueryDatabase implements AutoCloseable {

  private final TestDatabase database;
  private final DatabaseVendor vendor;

  private QueryDatabase(TestDatabase database) throws SQLException {
    this.database = database;
    this.vendor = SchemaMigrator.migrate(database.dataSource());
  }

  public static QueryDatabase h2() throws SQLException {
    return new QueryDatabase(TestDatabase.h2());
  }

  public static QueryDatabase postgres() throws SQLException {
    return new QueryDatabase(TestDatabase.postgres());
  }

  public DataSource dataSource() {
    return database.dataSource();
  }

  public DatabaseVendor vendor() {
    return vendor;
  }

  public Connection connection() throws SQLException {
    return database.dataSource().getConnection();
  }

  /**
   * Inserts the rows in one transaction and recomputes the rollups from every stored row, as the
   * storage writer keeps them (its own tests compare its rollups with such a rebuild).
   */
  public void insert(List<StoredRequest> rows) throws SQLException {
    try (Connection connection = connection()) {
      connection.setAutoCommit(false);
      for (StoredRequest row : rows) {
        row.insert(connection);
      }
      new UsageRollups(vendor).rebuildAll(connection);
      connection.commit();
    }
  }

  public void insert(StoredRequest... rows) throws SQLException {
    insert(List.of(rows));
  }

  /** Deletes every stored request, so the next test starts empty. */
  public void clear() throws SQLException {
    try (Connection connection = connection();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("DELETE FROM streaming_chunks");
      statement.executeUpdate("DELETE FROM task_invocations");
      statement.executeUpdate("UPDATE api_requests SET parent_request_id = NULL,"
          + " parent_task_request_id = NULL");
      statement.executeUpdate("DELETE FROM api_requests");
      statement.executeUpdate("DELETE FROM " + UsageRollups.USAGE_HOURS);
      statement.executeUpdate("DELETE FROM " + UsageRollups.OUTPUT_MINUTES);
      statement.executeUpdate("DELETE FROM " + UsageRollups.CONVERSATIONS);
      statement.executeUpdate("DELETE FROM " + UsageRollups.CONVERSATION_ACCOUNTS);
    }
  }

  @Override
  public void close() throws SQLException {
    database.close();
  }
}
