package dev.claudenexus.storage;

import static dev.claudenexus.json.JsonProviders.JSON;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudenexus.conversation.ConversationLink;
import dev.claudenexus.conversation.ConversationLinker;
import dev.claudenexus.conversation.HashMode;
import dev.claudenexus.conversation.LinkRequest;
import dev.claudenexus.conversation.MessageHasher;
import dev.claudenexus.conversation.MessageHashes;
import dev.claudenexus.schema.DatabaseVendor;
import dev.claudenexus.schema.SchemaMigrator;
import dev.claudenexus.testing.TestDatabase;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Adopts a PostgreSQL database that the original product created and filled: the tables exist, no
 * migration history does. The rows must survive, be marked as hashed by the original, and keep
 * linking new requests.
 */
class OriginalDatabaseAdoptionTest {

  private static final String DOMAIN = "claude.example.com";
  private static final String SUBAGENT_PROMPT = "Audit the schema for missing indexes";
  private static final Instant STARTED = Instant.now().minus(Duration.ofMinutes(30));

  private TestDatabase database;
  private final UUID parentId = UUID.randomUUID();
  private final UUID conversationId = UUID.randomUUID();

  @BeforeEach
  void createOriginalDatabase() throws Exception {
    database = TestDatabase.postgres();
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(resource("db/migration/postgresql/V1__original_schema.sql"));
    }
    insertOriginalRow(parentId, firstTurn().build(), STARTED);
  }

  @AfterEach
  void dropDatabase() throws SQLException {
    if (database != null) {
      database.close();
    }
  }

  /** A first turn whose string content contains a reminder, so the two hash modes differ. */
  private static jakarta.json.JsonObjectBuilder firstTurn() {
    return JSON.createObjectBuilder().add("model", "claude-opus-4-1").add("system", "Be brief.")
        .add("messages", JSON.createArrayBuilder().add(JSON.createObjectBuilder()
            .add("role", "user")
            .add("content", "Review the schema\n<system-reminder>Today is Monday</system-reminder>")));
  }

  private void insertOriginalRow(UUID id, JsonObject body, Instant timestamp) throws SQLException {
    MessageHashes hashes = new MessageHasher(HashMode.ORIGINAL).hash(body);
    JsonObject response = JSON.createObjectBuilder().add("role", "assistant")
        .add("content", JSON.createArrayBuilder().add(JSON.createObjectBuilder()
            .add("type", "tool_use").add("id", "toolu_01").add("name", "Agent")
            .add("input", JSON.createObjectBuilder().add("description", "Audit")
                .add("prompt", SUBAGENT_PROMPT))))
        .build();
    String sql = "INSERT INTO api_requests (request_id, domain, timestamp, method, path, body,"
        + " request_type, response_status, response_body, current_message_hash,"
        + " parent_message_hash, system_hash, conversation_id, branch_id, message_count)"
        + " VALUES (?, ?, ?, 'POST', '/v1/messages', ?::jsonb, 'inference', 200, ?::jsonb, ?, ?, ?, ?,"
        + " 'main', 1)";
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setObject(1, id);
      statement.setString(2, DOMAIN);
      statement.setObject(3, timestamp.atOffset(ZoneOffset.UTC));
      statement.setString(4, body.toString());
      statement.setString(5, response.toString());
      statement.setString(6, hashes.currentMessageHash());
      statement.setString(7, hashes.parentMessageHash());
      statement.setString(8, hashes.systemHash());
      statement.setObject(9, conversationId);
      statement.executeUpdate();
    }
  }

  @Test
  void migrationKeepsRowsAndMarksThemOriginal() throws SQLException {
    SchemaMigrator.migrate(database.dataSource());

    assertThat(strings("SELECT hash_mode FROM api_requests")).containsExactly("original");
    assertThat(strings("SELECT version FROM flyway_schema_history ORDER BY installed_rank"))
        .startsWith("0", "1", "2", "3", "4", "5");
  }

  @Test
  void migrationFillsRollupsFromOriginalRows() throws SQLException {
    SchemaMigrator.migrate(database.dataSource());

    assertThat(strings("SELECT SUM(request_count) FROM rollup_usage_hours"))
        .containsExactly(strings("SELECT COUNT(*) FROM api_requests").get(0));
    assertThat(RollupCheck.assertConsistent(database.dataSource()))
        .anyMatch(row -> row.startsWith("rollup_conversations conversation_id=" + conversationId));
  }

  @Test
  void migrationCopiesRecentSubagentLaunches() throws SQLException {
    SchemaMigrator.migrate(database.dataSource());

    assertThat(strings("SELECT prompt FROM task_invocations")).containsExactly(SUBAGENT_PROMPT);
  }

  @Test
  void newRequestContinuesOriginalConversation() throws SQLException {
    SchemaMigrator.migrate(database.dataSource());
    JsonObject followUp = firstTurn().add("messages", JSON.createArrayBuilder()
        .add(JSON.createObjectBuilder().add("role", "user")
            .add("content", "Review the schema\n<system-reminder>Today is Monday</system-reminder>"))
        .add(JSON.createObjectBuilder().add("role", "assistant").add("content", "Two tables."))
        .add(JSON.createObjectBuilder().add("role", "user").add("content", "Add indexes")))
        .build();

    ConversationLink link = link(followUp);

    assertThat(link.parentRequestId()).isEqualTo(parentId);
    assertThat(link.conversationId()).isEqualTo(conversationId);
    assertThat(link.mode()).isEqualTo(HashMode.CURRENT);
  }

  @Test
  void subagentOfOriginalLaunchJoinsItsConversation() throws SQLException {
    SchemaMigrator.migrate(database.dataSource());
    JsonObject subagent = JSON.createObjectBuilder().add("model", "claude-opus-4-1")
        .add("messages", JSON.createArrayBuilder().add(JSON.createObjectBuilder()
            .add("role", "user").add("content", SUBAGENT_PROMPT)))
        .build();

    ConversationLink link = link(subagent);

    assertThat(link.conversationId()).isEqualTo(conversationId);
    assertThat(link.branchId()).isEqualTo("subtask_1");
    assertThat(link.parentTaskRequestId()).isEqualTo(parentId);
  }

  private ConversationLink link(JsonObject body) throws SQLException {
    boolean originalRows = OriginalRows.exist(database.dataSource(), DatabaseVendor.POSTGRESQL);
    assertThat(originalRows).as("original rows detected").isTrue();
    ConversationLinker linker =
        new ConversationLinker(HashMode.CURRENT, Duration.ofHours(24), originalRows);
    try (Connection connection = database.dataSource().getConnection()) {
      return linker.link(new LinkRequest(UUID.randomUUID(), DOMAIN, Instant.now(), body, true, null),
          new JdbcLinkLookup(connection));
    }
  }

  private List<String> strings(String sql) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (rs.next()) {
        values.add(rs.getString(1));
      }
      return values;
    }
  }

  private static String resource(String path) throws IOException {
    try (InputStream in = OriginalDatabaseAdoptionTest.class.getClassLoader().getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
