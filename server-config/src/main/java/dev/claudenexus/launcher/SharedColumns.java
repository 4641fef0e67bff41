package dev.claudenexus.launcher;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The columns of one table that both the source and the destination database have, with the reads
 * and writes that move their values between H2 and PostgreSQL. JSON documents travel as text,
 * because H2 keeps them in CLOB columns and PostgreSQL in JSONB columns.
 */
final class SharedColumns {

  private record Column(String name, int sourceType, String sourceTypeName, int destinationType) {}

  private final List<Column> columns;
  private final List<String> missing;

  private SharedColumns(List<Column> columns, List<String> missing) {
    this.columns = columns;
    this.missing = missing;
  }

  /** Compares the columns of {@code table} in both databases, leaving out {@code excluded}. */
  static SharedColumns of(Connection source, Connection destination, String table,
      Set<String> excluded) throws SQLException {
    Map<String, Integer> destinationTypes = new LinkedHashMap<>();
    describe(destination, table, (name, type, typeName) -> destinationTypes.put(name, type));
    List<Column> columns = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    describe(source, table, (name, type, typeName) -> {
      if (excluded.contains(name)) {
        return;
      }
      if (destinationTypes.containsKey(name)) {
        columns.add(new Column(name, type, typeName, destinationTypes.get(name)));
      } else {
        missing.add(name);
      }
    });
    return new SharedColumns(List.copyOf(columns), List.copyOf(missing));
  }

  private interface ColumnVisitor {
    void visit(String name, int type, String typeName);
  }

  private static void describe(Connection connection, String table, ColumnVisitor visitor)
      throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
      ResultSetMetaData meta = rs.getMetaData();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        visitor.visit(meta.getColumnName(i).toLowerCase(Locale.ROOT), meta.getColumnType(i),
            meta.getColumnTypeName(i).toLowerCase(Locale.ROOT));
      }
    }
  }

  /** Returns the column names, comma-separated, in the order of {@link #read} and {@link #bind}. */
  String list() {
    return String.join(", ", columns.stream().map(Column::name).toList());
  }

  /** Returns the number of shared columns. */
  int size() {
    return columns.size();
  }

  /** Returns the position (from 0) of {@code name} among the shared columns, or -1. */
  int indexOf(String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** Returns the source columns that the destination lacks, whose values are not copied. */
  List<String> missing() {
    return missing;
  }

  /** Reads the shared columns of the current row, selected in {@link #list} order. */
  Object[] read(ResultSet rs) throws SQLException {
    Object[] values = new Object[columns.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = read(rs, i + 1, columns.get(i));
    }
    return values;
  }

  private static Object read(ResultSet rs, int index, Column column) throws SQLException {
    String typeName = column.sourceTypeName();
    Object value;
    if (typeName.equals("uuid")) {
      value = rs.getObject(index, UUID.class);
    } else if (column.sourceType() == Types.TIMESTAMP_WITH_TIMEZONE || typeName.equals("timestamptz")) {
      value = rs.getObject(index, OffsetDateTime.class);
    } else if (column.sourceType() == Types.TIMESTAMP) {
      value = rs.getObject(index, LocalDateTime.class);
    } else if (isText(column.sourceType()) || typeName.startsWith("json")) {
      value = rs.getString(index);
    } else if (column.sourceType() == Types.NUMERIC || column.sourceType() == Types.DECIMAL) {
      value = rs.getBigDecimal(index);
    } else {
      value = rs.getObject(index);
    }
    return rs.wasNull() ? null : value;
  }

  private static boolean isText(int type) {
    return type == Types.CHAR || type == Types.VARCHAR || type == Types.LONGVARCHAR
        || type == Types.CLOB || type == Types.NCHAR || type == Types.NVARCHAR
        || type == Types.LONGNVARCHAR || type == Types.NCLOB;
  }

  /** Binds {@code values} to the parameters 1 to {@link #size} of {@code statement}. */
  void bind(PreparedStatement statement, Object[] values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        statement.setNull(i + 1, columns.get(i).destinationType());
      } else {
        statement.setObject(i + 1, values[i]);
      }
    }
  }
}
