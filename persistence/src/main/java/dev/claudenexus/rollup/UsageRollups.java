package dev.claudenexus.rollup;

import static dev.claudenexus.json.JsonProviders.JSON;

import dev.claudenexus.schema.DatabaseVendor;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Keeps the rollup tables of migration V8: running totals of {@code api_requests} per hour, per minute
 * and account, and per conversation branch, and the list of conversations of each domain and
 * account. Each column has one definition with two forms: an SQL aggregate, which rebuilds
 * conversations or fills a table from the stored rows, and a Java function of a {@link Row}, which
 * adds the storage writer's batch from the values it inserted, without reading {@code api_requests}
 * again. The tests compare both forms, so the tables match what a {@code GROUP BY} over the rows
 * would give.
 */
public final class UsageRollups {

  /** Length of the buckets of {@link #USAGE_HOURS}, in seconds. */
  public static final int HOUR_SECONDS = 3600;
  /** Length of the buckets of {@link #OUTPUT_MINUTES}, in seconds. */
  public static final int MINUTE_SECONDS = 60;

  /** Requests per UTC hour, domain, account, model and request type. */
  public static final String USAGE_HOURS = "rollup_usage_hours";
  /** Output tokens and rate-limit warnings per UTC minute and account. */
  public static final String OUTPUT_MINUTES = "rollup_output_minutes";
  /** Requests linked into conversations, per conversation, branch, domain and account. */
  public static final String CONVERSATIONS = "rollup_conversations";
  /** The conversations of each domain and account, one row each. */
  public static final String CONVERSATION_ACCOUNTS = "rollup_conversation_accounts";

  private static final String WARNING_HEADER = "anthropic-ratelimit-unified-status";
  private static final String WARNING_STATUS = "allowed_warning";
  private static final String WARNING_PAIR =
      "\"" + WARNING_HEADER + "\":\"" + WARNING_STATUS + "\"";

  /** Digits after the point of {@code api_requests.cost_usd}. */
  private static final int COST_SCALE = 10;

  /** The change an upsert makes to a group that already has a row. */
  private enum Merge { ADD, REPLACE }

  /**
   * The values of one inserted {@code api_requests} row that the rollups count, as the row stores
   * them: token counts after clamping, and {@code null} where the column is {@code NULL}.
   *
   * @param branchId the stored {@code branch_id}, which the insert sets to {@code main} when the
   *     request has no branch
   * @param responseHeaders the stored {@code response_headers} JSON text
   */
  public record Row(OffsetDateTime timestamp, String domain, String accountId, String model,
      String requestType, long inputTokens, long outputTokens, long totalTokens,
      long cacheCreationInputTokens, long cacheReadInputTokens, BigDecimal costUsd, String error,
      Integer durationMs, long toolCallCount, UUID conversationId, String branchId,
      String responseHeaders) {}

  /**
   * A rollup column: the aggregate over {@code api_requests} that fills it, and the same value for
   * one {@link Row}, which {@link #addRows} sums per group. A key's {@code value} is the group key
   * instead. {@code nullable} marks a sum that stays {@code NULL} while every input is {@code NULL}.
   */
  private record Column(String name, String expression, boolean nullable, Function<Row, Object> value) {
    static Column of(String name, String expression, Function<Row, Object> value) {
      return new Column(name, expression, false, value);
    }
  }

  /** A rollup table: its key and value columns and which requests it counts. */
  private record Table(String name, List<Column> keys, List<Column> values, String condition,
      Predicate<Row> counts) {

    Stream<Column> columns() {
      return Stream.concat(keys.stream(), values.stream());
    }

    String columnList() {
      return columns().map(Column::name).collect(Collectors.joining(", "));
    }

    /** Returns the grouped {@code SELECT} over the requests that {@code filter}, an SQL condition, picks. */
    String select(String filter) {
      String list = columns().map(c -> c.expression() + " AS " + c.name())
          .collect(Collectors.joining(", "));
      String groups = keys.stream().map(Column::expression).collect(Collectors.joining(", "));
      String where = Stream.of(condition, filter).filter(s -> s != null)
          .collect(Collectors.joining(" AND "));
      return "SELECT " + list + " FROM api_requests" + (where.isEmpty() ? "" : " WHERE " + where)
          + " GROUP BY " + groups;
    }
  }

  private final DatabaseVendor vendor;
  private final List<Table> tables;
  /** The tables keyed by conversation, which a relink rebuilds. */
  private final List<Table> conversationTables;

  public UsageRollups(DatabaseVendor vendor) {
    this.vendor = vendor;
    String hour = bucketNumber(HOUR_SECONDS);
    String minute = bucketNumber(MINUTE_SECONDS);
    Table hours = new Table(USAGE_HOURS,
        List.of(Column.of("hour_bucket", hour, r -> bucketOf(r.timestamp(), HOUR_SECONDS)),
            Column.of("domain", "domain", Row::domain),
            Column.of("account_id", "COALESCE(account_id, '')", r -> orEmpty(r.accountId())),
            Column.of("model", "COALESCE(model, '')", r -> orEmpty(r.model())),
            Column.of("request_type", "COALESCE(request_type, '')", r -> orEmpty(r.requestType()))),
        List.of(Column.of("request_count", "COUNT(*)", r -> 1L),
            sum("input_tokens", Row::inputTokens), sum("output_tokens", Row::outputTokens),
            sum("total_tokens", Row::totalTokens),
            sum("cache_creation_input_tokens", Row::cacheCreationInputTokens),
            sum("cache_read_input_tokens", Row::cacheReadInputTokens),
            new Column("cost_usd", "SUM(cost_usd)", true, Row::costUsd),
            Column.of("priced_count", "COUNT(cost_usd)", r -> countIf(r.costUsd() != null)),
            Column.of("error_count", "SUM(CASE WHEN error IS NOT NULL THEN 1 ELSE 0 END)",
                r -> countIf(r.error() != null)),
            Column.of("duration_ms_sum", "COALESCE(SUM(duration_ms), 0)",
                r -> r.durationMs() == null ? 0L : (long) r.durationMs()),
            Column.of("duration_count", "COUNT(duration_ms)", r -> countIf(r.durationMs() != null)),
            sum("tool_call_count", Row::toolCallCount),
            Column.of("linked_count", "COUNT(conversation_id)",
                r -> countIf(r.conversationId() != null))),
        null, r -> true);
    Table minutes = new Table(OUTPUT_MINUTES,
        List.of(Column.of("minute_bucket", minute, r -> bucketOf(r.timestamp(), MINUTE_SECONDS)),
            Column.of("account_id", "COALESCE(account_id, '')", r -> orEmpty(r.accountId()))),
        List.of(sum("output_tokens", Row::outputTokens),
            Column.of("header_output_tokens", "COALESCE(SUM(CASE WHEN response_headers IS NOT NULL"
                + " THEN output_tokens ELSE 0 END), 0)",
                r -> r.responseHeaders() == null ? 0L : r.outputTokens()),
            Column.of("warning_count",
                "SUM(CASE WHEN " + warningCondition(vendor) + " THEN 1 ELSE 0 END)",
                r -> countIf(isWarning(vendor, r.responseHeaders())))),
        null, r -> true);
    List<Column> conversationKeys = List.of(
        Column.of("conversation_id", "conversation_id", Row::conversationId),
        Column.of("branch_id", "COALESCE(branch_id, '')", r -> orEmpty(r.branchId())),
        Column.of("domain", "domain", Row::domain),
        Column.of("account_id", "COALESCE(account_id, '')", r -> orEmpty(r.accountId())));
    Table conversations = new Table(CONVERSATIONS, conversationKeys,
        List.of(Column.of("request_count", "COUNT(*)", r -> 1L),
            sum("total_tokens", Row::totalTokens),
            new Column("cost_usd", "SUM(cost_usd)", true, Row::costUsd)),
        "conversation_id IS NOT NULL", r -> r.conversationId() != null);
    Table conversationAccounts = new Table(CONVERSATION_ACCOUNTS,
        List.of(conversationKeys.get(0), conversationKeys.get(2), conversationKeys.get(3)),
        List.of(), "conversation_id IS NOT NULL", r -> r.conversationId() != null);
    this.tables = List.of(hours, minutes, conversations, conversationAccounts);
    this.conversationTables = List.of(conversations, conversationAccounts);
  }

  private static Column sum(String column, Function<Row, Long> value) {
    return Column.of(column, "COALESCE(SUM(" + column + "), 0)", value::apply);
  }

  private static String orEmpty(String key) {
    return key == null ? "" : key;
  }

  private static Long countIf(boolean condition) {
    return condition ? 1L : 0L;
  }

  /**
   * Returns the number of the {@code seconds}-long UTC bucket that contains {@code timestamp}, as
   * {@link #bucketNumber} computes it from the stored value. Both databases store microseconds, so
   * the nanoseconds are rounded half up first: 59.9999996 s is stored as the next second.
   */
  static long bucketOf(OffsetDateTime timestamp, int seconds) {
    long epochSecond = timestamp.toEpochSecond();
    if (timestamp.getNano() % 1_000 >= 500 && timestamp.getNano() / 1_000 == 999_999) {
      epochSecond++;
    }
    return Math.floorDiv(epochSecond, seconds);
  }

  /**
   * Returns whether {@code responseHeaders}, the stored JSON text, matches {@link #warningCondition}
   * on {@code vendor}: on PostgreSQL a top-level string field, on H2 the same text match.
   */
  static boolean isWarning(DatabaseVendor vendor, String responseHeaders) {
    if (responseHeaders == null) {
      return false;
    }
    if (vendor != DatabaseVendor.POSTGRESQL) {
      return responseHeaders.contains(WARNING_PAIR);
    }
    // A JSON text without the name cannot match, so most rows skip the parse.
    if (!responseHeaders.contains(WARNING_HEADER)) {
      return false;
    }
    try (JsonReader reader = JSON.createReader(new StringReader(responseHeaders))) {
      JsonValue headers = reader.readValue();
      if (headers.getValueType() != JsonValue.ValueType.OBJECT) {
        return false;
      }
      JsonValue status = ((JsonObject) headers).get(WARNING_HEADER);
      return status != null && status.getValueType() == JsonValue.ValueType.STRING
          && WARNING_STATUS.equals(((jakarta.json.JsonString) status).getString());
    } catch (JsonException e) {
      // PostgreSQL rejects invalid JSON in a jsonb column, so such a row is never inserted.
      return false;
    }
  }

  /**
   * Returns an SQL expression for the number of the {@code seconds}-long UTC bucket that contains
   * {@code timestamp}. Bucket {@code n} starts at {@code n * seconds} seconds after the epoch. The
   * text is the same on H2 2.2 and PostgreSQL 15.
   */
  public static String bucketNumber(int seconds) {
    if (seconds <= 0) {
      throw new IllegalArgumentException("bucket length must be positive: " + seconds);
    }
    // NOTE: the PostgreSQL migration V7 creates statistics on this exact text for 60, 3600 and
    // 86400 seconds. Changed text or another length still works, but PostgreSQL then expects one
    // group per row and sorts instead of hashing, which made 7-day groupings about twice as slow.
    return "CAST(FLOOR(EXTRACT(EPOCH FROM timestamp) / " + seconds + ") AS BIGINT)";
  }

  /**
   * Returns the SQL condition for a response whose {@code anthropic-ratelimit-unified-status} header
   * is {@code allowed_warning}. PostgreSQL reads the JSONB field. H2 keeps the headers as the compact
   * JSON text the recorder writes, with lower-case names, so a text match finds the pair.
   */
  public static String warningCondition(DatabaseVendor vendor) {
    return vendor == DatabaseVendor.POSTGRESQL
        ? "response_headers->>'" + WARNING_HEADER + "' = '" + WARNING_STATUS + "'"
        : "response_headers LIKE '%" + WARNING_PAIR + "%'";
  }

  /**
   * Adds the inserted {@code rows} to every rollup, in the caller's transaction, with one batched
   * upsert per table. Each row must be counted once: pass only rows that this transaction inserted.
   * The groups are summed here instead of re-read from {@code api_requests}, because PostgreSQL
   * keeps a cached plan of such a query while the table grows: planned on a nearly empty table, it
   * scans the whole table on every batch.
   */
  public void addRows(Connection connection, Collection<Row> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    for (Table table : tables) {
      Map<List<Object>, Object[]> groups = groups(table, rows);
      if (groups.isEmpty()) {
        continue;
      }
      try (PreparedStatement statement =
          connection.prepareStatement(upsertValues(table))) {
        for (Map.Entry<List<Object>, Object[]> group : groups.entrySet()) {
          int index = 1;
          for (Object key : group.getKey()) {
            statement.setObject(index++, key);
          }
          for (Object value : group.getValue()) {
            if (value == null) {
              statement.setNull(index++, Types.NUMERIC);
            } else {
              statement.setObject(index++, value);
            }
          }
          statement.addBatch();
        }
        statement.executeBatch();
      }
    }
  }

  /**
   * Adds the stored requests {@code requestIds} to every rollup, in the caller's transaction, by
   * reading them from {@code api_requests}. Each id must be counted once: pass only rows that this
   * transaction inserted. For rows copied in by other means than the storage writer, which uses
   * {@link #addRows}.
   */
  public void add(Connection connection, Collection<UUID> requestIds) throws SQLException {
    if (requestIds.isEmpty()) {
      return;
    }
    Array ids = uuidArray(connection, requestIds);
    for (Table table : tables) {
      try (PreparedStatement statement =
          connection.prepareStatement(upsert(table, "request_id = ANY(?)", Merge.ADD))) {
        statement.setArray(1, ids);
        statement.executeUpdate();
      }
    }
  }

  /**
   * Sums {@code rows} per key of {@code table}. The groups come in key order, so two proxies that
   * write at once lock the rows they share in the same order instead of waiting for each other.
   */
  private static Map<List<Object>, Object[]> groups(Table table, Collection<Row> rows) {
    Map<List<Object>, Object[]> groups = new TreeMap<>(KEY_ORDER);
    for (Row row : rows) {
      if (!table.counts().test(row)) {
        continue;
      }
      List<Object> key = table.keys().stream().map(c -> c.value().apply(row)).toList();
      Object[] sums = groups.computeIfAbsent(key, k -> new Object[table.values().size()]);
      for (int i = 0; i < sums.length; i++) {
        Column column = table.values().get(i);
        sums[i] = plus(sums[i], column.value().apply(row), column.nullable());
      }
    }
    return groups;
  }

  /**
   * Adds a row's value to a group's sum as SQL's {@code SUM} does: {@code null} inputs are skipped,
   * and a nullable sum stays {@code null} until a value arrives. {@code sum} is {@code null} before
   * the group's first row.
   */
  private static Object plus(Object sum, Object value, boolean nullable) {
    if (value instanceof BigDecimal decimal) {
      // Stored as NUMERIC(20, 10), so the sum adds the rounded value that the row keeps.
      BigDecimal stored = decimal.setScale(COST_SCALE, RoundingMode.HALF_UP);
      return sum == null ? stored : ((BigDecimal) sum).add(stored);
    }
    if (value == null) {
      return sum == null && !nullable ? 0L : sum;
    }
    long added = ((Number) value).longValue();
    return sum == null ? added : (Long) sum + added;
  }

  /** Orders group keys, whose parts are numbers, strings and UUIDs, part by part. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static final Comparator<List<Object>> KEY_ORDER = (left, right) -> {
    for (int i = 0; i < left.size(); i++) {
      int order = ((Comparable) left.get(i)).compareTo(right.get(i));
      if (order != 0) {
        return order;
      }
    }
    return 0;
  };

  /**
   * Recomputes the conversation rollup of {@code conversationIds} from their stored requests, in the
   * caller's transaction, after a relink moved requests between conversations or branches.
   */
  public void rebuildConversations(Connection connection, Collection<UUID> conversationIds)
      throws SQLException {
    if (conversationIds.isEmpty()) {
      return;
    }
    Array ids = uuidArray(connection, conversationIds);
    for (Table table : conversationTables) {
      try (PreparedStatement delete = connection.prepareStatement(
          "DELETE FROM " + table.name() + " WHERE conversation_id = ANY(?)")) {
        delete.setArray(1, ids);
        delete.executeUpdate();
      }
      try (PreparedStatement insert = connection.prepareStatement(
          upsert(table, "conversation_id = ANY(?)", Merge.REPLACE))) {
        insert.setArray(1, ids);
        insert.executeUpdate();
      }
    }
  }

  /**
   * Empties every rollup and fills it again from all stored requests, in the caller's transaction. It
   * reads the whole {@code api_requests} table: for the migration that creates the rollups, for rows
   * that reached the table without the storage writer, and for tests.
   */
  public void rebuildAll(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (Table table : tables) {
        statement.executeUpdate("DELETE FROM " + table.name());
        statement.executeUpdate(
            "INSERT INTO " + table.name() + " (" + table.columnList() + ") " + table.select(null));
      }
    }
  }

  /**
   * Builds an upsert of the groups of the requests that {@code filter} picks. On PostgreSQL it
   * inserts in key order, so two proxies that write at once lock the rows they share in the same
   * order instead of waiting for each other.
   */
  private String upsert(Table table, String filter, Merge merge) {
    String keys = table.keys().stream().map(Column::name).collect(Collectors.joining(", "));
    if (vendor == DatabaseVendor.POSTGRESQL && table.values().isEmpty()) {
      return "INSERT INTO " + table.name() + " (" + table.columnList() + ") "
          + table.select(filter) + " ORDER BY " + keys + " ON CONFLICT (" + keys + ") DO NOTHING";
    }
    if (vendor == DatabaseVendor.POSTGRESQL) {
      String updates = table.values().stream()
          .map(c -> c.name() + " = " + merged("r." + c.name(), "EXCLUDED." + c.name(), c, merge))
          .collect(Collectors.joining(", "));
      return "INSERT INTO " + table.name() + " AS r (" + table.columnList() + ") "
          + table.select(filter) + " ORDER BY " + keys + " ON CONFLICT (" + keys
          + ") DO UPDATE SET " + updates;
    }
    String on = table.keys().stream().map(c -> "r." + c.name() + " = s." + c.name())
        .collect(Collectors.joining(" AND "));
    String updates = table.values().stream()
        .map(c -> "r." + c.name() + " = " + merged("r." + c.name(), "s." + c.name(), c, merge))
        .collect(Collectors.joining(", "));
    String values = table.columns().map(c -> "s." + c.name()).collect(Collectors.joining(", "));
    String matched = table.values().isEmpty() ? "" : " WHEN MATCHED THEN UPDATE SET " + updates;
    return "MERGE INTO " + table.name() + " r USING (" + table.select(filter) + ") s ON (" + on
        + ")" + matched + " WHEN NOT MATCHED THEN INSERT (" + table.columnList() + ") VALUES ("
        + values + ")";
  }

  /**
   * Builds an upsert of one group given as parameters: the key columns, then the value columns, in
   * the table's order. A group that has a row already is added to it.
   */
  private String upsertValues(Table table) {
    String keys = table.keys().stream().map(Column::name).collect(Collectors.joining(", "));
    String parameters = table.columns().map(c -> "?").collect(Collectors.joining(", "));
    if (vendor == DatabaseVendor.POSTGRESQL) {
      String insert = "INSERT INTO " + table.name() + " AS r (" + table.columnList() + ") VALUES ("
          + parameters + ") ON CONFLICT (" + keys + ")";
      if (table.values().isEmpty()) {
        return insert + " DO NOTHING";
      }
      return insert + " DO UPDATE SET " + table.values().stream()
          .map(c -> c.name() + " = " + merged("r." + c.name(), "EXCLUDED." + c.name(), c, Merge.ADD))
          .collect(Collectors.joining(", "));
    }
    String on = table.keys().stream().map(c -> "r." + c.name() + " = s." + c.name())
        .collect(Collectors.joining(" AND "));
    String updates = table.values().stream()
        .map(c -> "r." + c.name() + " = " + merged("r." + c.name(), "s." + c.name(), c, Merge.ADD))
        .collect(Collectors.joining(", "));
    String values = table.columns().map(c -> "s." + c.name()).collect(Collectors.joining(", "));
    String matched = table.values().isEmpty() ? "" : " WHEN MATCHED THEN UPDATE SET " + updates;
    return "MERGE INTO " + table.name() + " r USING (VALUES (" + parameters + ")) s ("
        + table.columnList() + ") ON (" + on + ")" + matched
        + " WHEN NOT MATCHED THEN INSERT (" + table.columnList() + ") VALUES (" + values + ")";
  }

  private static String merged(String stored, String added, Column column, Merge merge) {
    if (merge == Merge.REPLACE) {
      return added;
    }
    // A NULL sum means no priced request yet; adding one to it must not give NULL.
    return column.nullable()
        ? "COALESCE(" + stored + " + " + added + ", " + stored + ", " + added + ")"
        : stored + " + " + added;
  }

  private Array uuidArray(Connection connection, Collection<UUID> ids) throws SQLException {
    return connection.createArrayOf(vendor == DatabaseVendor.POSTGRESQL ? "uuid" : "UUID",
        ids.toArray(new UUID[0]));
  }
}
