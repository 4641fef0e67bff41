package dev.claudenexus.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.claudenexus.rollup.UsageRollups;
import dev.claudenexus.schema.DatabaseVendor;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Compares the rollup tables as the storage writer left them with what a rebuild from all stored
 * requests gives. The rebuild runs in a transaction that is rolled back.
 */
final class RollupCheck {

  private static final List<String> TABLES = List.of(UsageRollups.USAGE_HOURS,
      UsageRollups.OUTPUT_MINUTES, UsageRollups.CONVERSATIONS, UsageRollups.CONVERSATION_ACCOUNTS);

  private RollupCheck() {}

  /** Asserts that every rollup matches the stored requests, and returns the rows of all three. */
  static List<String> assertConsistent(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      List<String> kept = rows(connection);
      connection.setAutoCommit(false);
      try {
        new UsageRollups(DatabaseVendor.of(connection)).rebuildAll(connection);
        assertEquals(rows(connection), kept,
            "the rollups differ from a rebuild from the stored requests");
      } finally {
        connection.rollback();
        connection.setAutoCommit(true);
      }
      return kept;
    }
  }

  private static List<String> rows(Connection connection) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement()) {
      for (String table : TABLES) {
        try (ResultSet rs = statement.executeQuery("SELECT * FROM " + table + " ORDER BY 1, 2, 3")) {
          ResultSetMetaData meta = rs.getMetaData();
          while (rs.next()) {
            StringBuilder row = new StringBuilder(table);
            for (int i = 1; i <= meta.getColumnCount(); i++) {
              Object value = rs.getObject(i);
              // NUMERIC sums compare by value: 1.50 and 1.5000000000 are the same cost.
              row.append(' ').append(meta.getColumnName(i).toLowerCase()).append('=')
                  .append(value instanceof java.math.BigDecimal d ? d.stripTrailingZeros() : value);
            }
            rows.add(row.toString());
          }
        }
      }
    }
    rows.sort(null);
    return rows;
  }
}
