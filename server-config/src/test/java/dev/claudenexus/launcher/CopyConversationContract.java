package dev.claudenexus.launcher;

import static dev.claudenexus.json.JsonProviders.JSON;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.claudenexus.rollup.UsageRollups;
import dev.claudenexus.schema.DatabaseVendor;
import dev.claudenexus.schema.SchemaMigrator;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The behaviour of copy-conversation that every pair of source and destination databases shares. */
abstract class CopyConversationContract {

  @TempDir Path home;

  private ToolsDatabase source;
  private ToolsDatabase destination;
  private final StoredConversation conversation = new StoredConversation();
  private String output = "";

  abstract ToolsDatabase openSource() throws SQLException;

  abstract ToolsDatabase openDestination() throws SQLException;

  @BeforeEach
  void storeConversation() throws SQLException {
    source = openSource();
    destination = openDestination();
    SchemaMigrator.migrate(source.dataSource());
    conversation.store(source.dataSource());
  }

  @AfterEach
  void dropDatabases() throws SQLException {
    // Without NEXUS_TEST_DATABASE_URL the PostgreSQL subclasses are skipped before they open one.
    if (source != null) {
      source.close();
    }
    if (destination != null) {
      destination.close();
    }
  }

  private int copy(String... flags) throws Exception {
    List<String> args = new ArrayList<>(List.of("copy-conversation", "--conversation-id",
        conversation.id.toString(), "--dest-db", destination.url()));
    args.addAll(List.of(flags));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int status = new CopyConversationCommand(new Environment(source.serviceSettings()), home)
        .run(CopyOptions.parse(args.toArray(new String[0]), 1),
            new PrintStream(bytes, true, StandardCharsets.UTF_8));
    output = bytes.toString(StandardCharsets.UTF_8);
    return status;
  }

  @Test
  void copyTakesEveryBranchAndSubtask() throws Exception {
    assertEquals(0, copy());

    assertEquals(new HashSet<>(conversation.requests()), storedIds(destination.dataSource()));
    assertTrue(output.contains("Copied 5 requests and 1 task invocations in one transaction"), output);
    Map<String, Object> subtask = row(destination.dataSource(), conversation.subtask);
    assertEquals("subtask_1", subtask.get("branch_id"));
    assertEquals(conversation.second, subtask.get("parent_task_request_id"));
    assertEquals(Boolean.TRUE, subtask.get("is_subtask"));
    assertEquals(1L, count(destination.dataSource(), "SELECT COUNT(*) FROM task_invocations"));
  }

  @Test
  void copiedRowsEqualSourceRows() throws Exception {
    copy();

    for (UUID id : conversation.requests()) {
      Map<String, Object> expected = row(source.dataSource(), id);
      Map<String, Object> actual = row(destination.dataSource(), id);
      if (id.equals(conversation.continued)) {
        expected.put("parent_request_id", null);
      }
      assertEquals(expected, actual, "request " + id);
    }
  }

  @Test
  void parentOutsideCopyIsCleared() throws Exception {
    copy();

    assertNull(row(destination.dataSource(), conversation.continued).get("parent_request_id"));
    assertTrue(output.contains(conversation.continued + " parent_request_id -> "
        + conversation.outside), output);
    assertFalse(storedIds(destination.dataSource()).contains(conversation.outside));
  }

  @Test
  void secondRunCopiesNothing() throws Exception {
    copy("--include-chunks");
    Map<String, List<List<Object>>> rollups = rollups(destination.dataSource());

    assertEquals(0, copy("--include-chunks"));

    assertTrue(output.contains("api_requests: 0 to copy, 5 already at the destination"), output);
    assertTrue(output.contains("streaming_chunks: 0 to copy"), output);
    assertTrue(output.contains("Copied 0 requests, 0 task invocations and 0 streaming chunks"), output);
    assertEquals(5L, count(destination.dataSource(), "SELECT COUNT(*) FROM api_requests"));
    assertEquals(3L, count(destination.dataSource(), "SELECT COUNT(*) FROM streaming_chunks"));
    assertEquals(rollups, rollups(destination.dataSource()));
  }

  @Test
  void dryRunOnEmptyDatabaseWritesNothing() throws Exception {
    assertEquals(0, copy("--dry-run", "--include-chunks"));

    assertTrue(output.contains("api_requests: 5 to copy, 0 already at the destination"), output);
    assertTrue(output.contains("task_invocations: 1 to copy"), output);
    assertTrue(output.contains("streaming_chunks: 3 to copy"), output);
    for (UUID id : conversation.requests()) {
      assertTrue(output.contains("  " + id), output);
    }
    assertTrue(output.contains("Dry run: nothing was written."), output);
    try (Connection connection = destination.dataSource().getConnection()) {
      assertEquals(Set.of(), SchemaTables.inspect(connection).tables());
    }
  }

  @Test
  void dryRunAfterCopyChangesNothing() throws Exception {
    copy();
    Map<String, List<List<Object>>> rollups = rollups(destination.dataSource());

    copy("--dry-run", "--include-chunks");

    assertTrue(output.contains("api_requests: 0 to copy, 5 already at the destination"), output);
    assertTrue(output.contains("streaming_chunks: 3 to copy"), output);
    assertEquals(0L, count(destination.dataSource(), "SELECT COUNT(*) FROM streaming_chunks"));
    assertEquals(rollups, rollups(destination.dataSource()));
  }

  @Test
  void chunksAreLeftOutByDefault() throws Exception {
    copy();

    assertTrue(output.contains("streaming_chunks: left out; add --include-chunks"), output);
    assertEquals(0L, count(destination.dataSource(), "SELECT COUNT(*) FROM streaming_chunks"));
  }

  @Test
  void includeChunksCopiesThemLater() throws Exception {
    copy();

    copy("--include-chunks");

    assertTrue(output.contains("Copied 0 requests, 0 task invocations and 3 streaming chunks"), output);
    assertEquals(List.of(List.of(0, "event: content_block_delta\ndata: {\"index\":0}\n\n"),
        List.of(1, "event: content_block_delta\ndata: {\"index\":1}\n\n"),
        List.of(2, "event: content_block_delta\ndata: {\"index\":2}\n\n")),
        chunks(destination.dataSource()));
  }

  @Test
  void rollupsEqualRebuild() throws Exception {
    SchemaMigrator.migrate(destination.dataSource());
    StoredConversation earlier = new StoredConversation();
    earlier.store(destination.dataSource());
    try (Connection connection = destination.dataSource().getConnection()) {
      connection.setAutoCommit(false);
      new UsageRollups(vendor(connection)).rebuildAll(connection);
      connection.commit();
    }

    copy();
    copy();

    Map<String, List<List<Object>>> added = rollups(destination.dataSource());
    try (Connection connection = destination.dataSource().getConnection()) {
      connection.setAutoCommit(false);
      new UsageRollups(vendor(connection)).rebuildAll(connection);
      connection.commit();
    }
    assertEquals(rollups(destination.dataSource()), added);
    assertEquals(11L, count(destination.dataSource(), "SELECT SUM(request_count) FROM rollup_usage_hours"));
  }

  @Test
  void unknownConversationIsReported() throws SQLException {
    String[] args = {"copy-conversation", "--conversation-id", UUID.randomUUID().toString(),
        "--dest-db", destination.url()};

    CommandFailedException e = assertThrows(CommandFailedException.class,
        () -> new CopyConversationCommand(new Environment(source.serviceSettings()), home)
            .run(CopyOptions.parse(args, 1), new PrintStream(new ByteArrayOutputStream())));

    assertTrue(e.getMessage().contains("has no stored requests"), e.getMessage());
    assertEquals(Set.of(), tables(destination.dataSource()));
  }

  @Test
  void sourceAsDestinationIsRejected() {
    String[] args = {"copy-conversation", "--conversation-id", conversation.id.toString(),
        "--dest-db", source.url()};

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new CopyConversationCommand(new Environment(source.serviceSettings()), home)
            .run(CopyOptions.parse(args, 1), new PrintStream(new ByteArrayOutputStream())));

    assertTrue(e.getMessage().contains("names the source database"), e.getMessage());
  }

  @Test
  void foreignDestinationIsRejected() throws Exception {
    execute(destination.dataSource(), "CREATE TABLE invoices (id INTEGER PRIMARY KEY)");

    CommandFailedException e = assertThrows(CommandFailedException.class, this::copy);

    assertTrue(e.getMessage().contains("tables of another application (invoices)"), e.getMessage());
    assertFalse(tables(destination.dataSource()).contains("api_requests"));
  }

  @Test
  void unmigratableDestinationIsRejected() throws Exception {
    execute(destination.dataSource(), "CREATE TABLE api_requests (id INTEGER PRIMARY KEY)");

    CommandFailedException e = assertThrows(CommandFailedException.class, this::copy);

    assertTrue(e.getMessage().contains("cannot be brought to the proxy's schema"), e.getMessage());
  }

  private static DatabaseVendor vendor(Connection connection) throws SQLException {
    return DatabaseVendor.of(connection);
  }

  private static void execute(DataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static Set<String> tables(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return SchemaTables.inspect(connection).tables();
    }
  }

  private static long count(DataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Set<UUID> storedIds(DataSource dataSource) throws SQLException {
    Set<UUID> ids = new HashSet<>();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT request_id FROM api_requests")) {
      while (rs.next()) {
        ids.add(rs.getObject(1, UUID.class));
      }
    }
    return ids;
  }

  /**
   * Returns the columns of a stored request that both vendors store alike: JSON documents parsed,
   * numbers and times as text in one form, and {@code created_at} left out.
   */
  private static Map<String, Object> row(DataSource dataSource, UUID id) throws SQLException {
    Map<String, Object> row = new HashMap<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(
            "SELECT * FROM api_requests WHERE request_id = ?")) {
      statement.setObject(1, id);
      try (ResultSet rs = statement.executeQuery()) {
        assertTrue(rs.next(), "request " + id + " is not stored");
        ResultSetMetaData meta = rs.getMetaData();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          String name = meta.getColumnName(i).toLowerCase(java.util.Locale.ROOT);
          row.put(name, value(rs, i, name));
        }
      }
    }
    row.remove("created_at");
    return row;
  }

  private static Object value(ResultSet rs, int index, String name) throws SQLException {
    switch (name) {
      case "request_id", "conversation_id", "parent_request_id", "parent_task_request_id":
        return rs.getObject(index, UUID.class);
      case "timestamp":
        return rs.getObject(index, java.time.OffsetDateTime.class).toInstant();
      case "cost_usd":
        return rs.getBigDecimal(index) == null ? null : rs.getBigDecimal(index).stripTrailingZeros();
      case "headers", "body", "response_headers", "response_body", "usage_data",
          "task_tool_invocation":
        String json = rs.getString(index);
        return json == null ? null : parse(json);
      default:
        Object value = rs.getObject(index);
        return value instanceof Number number ? number.longValue() : value;
    }
  }

  private static JsonValue parse(String json) {
    try (var reader = JSON.createReader(new StringReader(json))) {
      return reader.readValue();
    }
  }

  private static List<List<Object>> chunks(DataSource dataSource) throws SQLException {
    List<List<Object>> chunks = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(
            "SELECT chunk_index, data FROM streaming_chunks ORDER BY chunk_index")) {
      while (rs.next()) {
        chunks.add(List.of(rs.getInt(1), rs.getString(2)));
      }
    }
    return chunks;
  }

  /** Returns every row of every rollup table, sorted, as text. */
  private static Map<String, List<List<Object>>> rollups(DataSource dataSource) throws SQLException {
    Map<String, List<List<Object>>> tables = new HashMap<>();
    for (String table : List.of(UsageRollups.USAGE_HOURS, UsageRollups.OUTPUT_MINUTES,
        UsageRollups.CONVERSATIONS, UsageRollups.CONVERSATION_ACCOUNTS)) {
      List<List<Object>> rows = new ArrayList<>();
      try (Connection connection = dataSource.getConnection();
          Statement statement = connection.createStatement();
          ResultSet rs = statement.executeQuery("SELECT * FROM " + table)) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<Object> row = new ArrayList<>();
          for (int i = 1; i <= columns; i++) {
            Object value = rs.getObject(i);
            row.add(value instanceof java.math.BigDecimal decimal
                ? decimal.stripTrailingZeros().toPlainString() : String.valueOf(value));
          }
          rows.add(row);
        }
      }
      rows.sort(java.util.Comparator.comparing(Object::toString));
      tables.put(table, rows);
    }
    return tables;
  }
}
