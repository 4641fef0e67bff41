package dev.claudenexus.storage;

import dev.claudenexus.schema.DatabaseVendor;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Tells whether a database adopted from the original product still contains rows with its hashes. */
final class OriginalRows {

  private OriginalRows() {}

  static boolean exist(DataSource dataSource, DatabaseVendor vendor) throws SQLException {
    if (vendor != DatabaseVendor.POSTGRESQL) {
      // The original product wrote only to PostgreSQL.
      return false;
    }
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(
            "SELECT 1 FROM api_requests WHERE hash_mode = 'original' FETCH FIRST 1 ROWS ONLY")) {
      return rs.next();
    }
  }
}
