package dev.claudenexus.api.query;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code WHERE} clause of a query and its bound values, in order. Conditions are SQL written in
 * this module; values from the client only ever travel as bound parameters.
 */
public final class SqlFilter {

  private final List<String> conditions = new ArrayList<>();
  private final List<Object> values = new ArrayList<>();

  /** Adds a condition with one {@code ?} per value. */
  public SqlFilter where(String condition, Object... conditionValues) {
    conditions.add(condition);
    values.addAll(List.of(conditionValues));
    return this;
  }

  /** Adds {@code column = ?} when the value is present. */
  public SqlFilter equalTo(String column, Optional<?> value) {
    value.ifPresent(v -> where(column + " = ?", v));
    return this;
  }

  /** Returns {@code WHERE a AND b ...}, or an empty string without conditions. */
  public String clause() {
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  /** Returns the conditions joined by {@code AND} with a leading {@code AND}, for a larger clause. */
  public String andClause() {
    return conditions.isEmpty() ? "" : " AND " + String.join(" AND ", conditions);
  }

  /** Binds the values from parameter {@code first} on and returns the next free index. */
  public int bind(PreparedStatement statement, int first) throws SQLException {
    int index = first;
    for (Object value : values) {
      statement.setObject(index++, value);
    }
    return index;
  }
}
