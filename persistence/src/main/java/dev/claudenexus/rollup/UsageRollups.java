package dev.claudenexus.rollup;

import dev.claudenexus.schema.DatabaseVendor;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Keeps the rollup tables of migration V8: running totals of {@code api_requests} per hour, per minute
 * and account, and per conversation branch, and the list of conversations of each domain and
 * account. Every table is computed in SQL from the stored rows, by one definition per table,
 * whether it adds a batch, rebuilds some conversations or fills a table from scratch. So the tables
 * always match what a {@code GROUP BY} over the rows would give.
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

  /** The change an upsert makes to a group that already has a row. */
  private enum Merge { ADD, REPLACE }

  /** A rollup column and the aggregate over {@code api_requests} that fills it. */
  private record Column(String name, String expression, boolean nullable) {
    static Column of(String name, String expression) {
      return new Column(name, expression, false);
    }
  }

  /** A rollup table: its key and value columns and which requests it counts. */
  private record Table(String name, List<Column> keys, List<Column> values, String condition) {

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
        List.of(Column.of("hour_bucket", hour), Column.of("domain", "domain"),
            Column.of("account_id", "COALESCE(account_id, '')"),
            Column.of("model", "COALESCE(model, '')"),
            Column.of("request_type", "COALESCE(request_type, '')")),
        List.of(Column.of("request_count", "COUNT(*)"),
            sum("input_tokens"), sum("output_tokens"), sum("total_tokens"),
            sum("cache_creation_input_tokens"), sum("cache_read_input_tokens"),
            new Column("cost_usd", "SUM(cost_usd)", true),
            Column.of("priced_count", "COUNT(cost_usd)"),
            Column.of("error_count", "SUM(CASE WHEN error IS NOT NULL THEN 1 ELSE 0 END)"),
            Column.of("duration_ms_sum", "COALESCE(SUM(duration_ms), 0)"),
            Column.of("duration_count", "COUNT(duration_ms)"),
            sum("tool_call_count"),
            Column.of("linked_count", "COUNT(conversation_id)")),
        null);
    Table minutes = new Table(OUTPUT_MINUTES,
        List.of(Column.of("minute_bucket", minute),
            Column.of("account_id", "COALESCE(account_id, '')")),
        List.of(sum("output_tokens"),
            Column.of("header_output_tokens", "COALESCE(SUM(CASE WHEN response_headers IS NOT NULL"
                + " THEN output_tokens ELSE 0 END), 0)"),
            Column.of("warning_count",
                "SUM(CASE WHEN " + warningCondition(vendor) + " THEN 1 ELSE 0 END)")),
        null);
    Table conversations = new Table(CONVERSATIONS,
        List.of(Column.of("conversation_id", "conversation_id"),
            Column.of("branch_id", "COALESCE(branch_id, '')"), Column.of("domain", "domain"),
            Column.of("account_id", "COALESCE(account_id, '')")),
        List.of(Column.of("request_count", "COUNT(*)"), sum("total_tokens"),
            new Column("cost_usd", "SUM(cost_usd)", true)),
        "conversation_id IS NOT NULL");
    Table conversationAccounts = new Table(CONVERSATION_ACCOUNTS,
        List.of(Column.of("conversation_id", "conversation_id"), Column.of("domain", "domain"),
            Column.of("account_id", "COALESCE(account_id, '')")),
        List.of(), "conversation_id IS NOT NULL");
    this.tables = List.of(hours, minutes, conversations, conversationAccounts);
    this.conversationTables = List.of(conversations, conversationAccounts);
  }

  private static Column sum(String column) {
    return Column.of(column, "COALESCE(SUM(" + column + "), 0)");
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
        ? "response_headers->>'anthropic-ratelimit-unified-status' = 'allowed_warning'"
        : "response_headers LIKE '%\"anthropic-ratelimit-unified-status\":\"allowed_warning\"%'";
  }

  /**
   * Adds the stored requests {@code requestIds} to every rollup, in the caller's transaction. Each id
   * must be counted once: pass only rows that this transaction inserted.
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
