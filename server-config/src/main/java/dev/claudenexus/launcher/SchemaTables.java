package dev.claudenexus.launcher;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tables of a database's current schema, to tell whether the proxy may write into it. An empty
 * schema, or one with the proxy's (or the original product's) tables, is migrated; a schema with
 * only other applications' tables is left alone.
 */
record SchemaTables(Set<String> tables) {

  /** Maximum number of tables that the error message names. */
  private static final int LISTED_TABLES = 5;

  static SchemaTables inspect(Connection connection) throws SQLException {
    Set<String> tables = new TreeSet<>();
    DatabaseMetaData meta = connection.getMetaData();
    // H2 2.x reports "BASE TABLE" where PostgreSQL's driver reports "TABLE".
    try (ResultSet rs = meta.getTables(connection.getCatalog(), connection.getSchema(), "%", null)) {
      while (rs.next()) {
        String type = rs.getString("TABLE_TYPE");
        if ("TABLE".equals(type) || "BASE TABLE".equals(type)) {
          tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
        }
      }
    }
    return new SchemaTables(tables);
  }

  /** Returns whether the schema has the table of stored requests. */
  boolean hasRequests() {
    return tables.contains("api_requests");
  }

  /**
   * Checks that the proxy may create or migrate its tables here.
   *
   * @throws CommandFailedException when the schema holds only tables of something else
   */
  void checkOurs(String description) throws CommandFailedException {
    if (tables.isEmpty() || hasRequests() || tables.contains("flyway_schema_history")) {
      return;
    }
    String listed = String.join(", ", tables.stream().limit(LISTED_TABLES).toList())
        + (tables.size() > LISTED_TABLES ? ", ..." : "");
    throw new CommandFailedException("the destination database " + description + " has "
        + tables.size() + " tables of another application (" + listed + ") and none of the"
        + " proxy's; copy into an empty database or one that the proxy uses");
  }
}
