package dev.claudenexus.launcher;

import dev.claudenexus.schema.DatabaseVendor;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/** SQL pieces that copy-conversation uses on both vendors. */
final class CopySql {

  private CopySql() {}

  /** Returns an array parameter for {@code column = ANY(?)}. */
  static Array uuidArray(Connection connection, DatabaseVendor vendor, Collection<UUID> ids)
      throws SQLException {
    return connection.createArrayOf(vendor == DatabaseVendor.POSTGRESQL ? "uuid" : "UUID",
        ids.toArray(new UUID[0]));
  }

  /**
   * Builds the insert of one row. On PostgreSQL a row with the same {@code key} that appeared since
   * the plan (a proxy writing the same request) is skipped. H2 has no such clause, so there the
   * insert fails and the transaction rolls back.
   */
  static String insert(DatabaseVendor vendor, String table, SharedColumns columns, String key) {
    String parameters = String.join(", ", Collections.nCopies(columns.size(), "?"));
    String sql = "INSERT INTO " + table + " (" + columns.list() + ") VALUES (" + parameters + ")";
    return vendor == DatabaseVendor.POSTGRESQL ? sql + " ON CONFLICT (" + key + ") DO NOTHING" : sql;
  }

  /** Splits {@code items} into consecutive lists of at most {@code size}. */
  static <T> List<List<T>> batches(List<T> items, int size) {
    List<List<T>> batches = new ArrayList<>();
    for (int from = 0; from < items.size(); from += size) {
      batches.add(items.subList(from, Math.min(items.size(), from + size)));
    }
    return batches;
  }
}
