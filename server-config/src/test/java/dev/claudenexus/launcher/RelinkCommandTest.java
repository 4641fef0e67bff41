package dev.claudenexus.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelinkCommandTest {

  @TempDir Path home;

  @Test
  void sinceAcceptsDateAsUtcMidnight() {
    assertEquals(Instant.parse("2026-11-30T00:00:00Z"), RelinkCommand.since("2026-11-30"));
  }

  @Test
  void sinceAcceptsUtcTime() {
    assertEquals(Instant.parse("2026-11-30T08:15:00Z"), RelinkCommand.since("2026-11-30T08:15:00Z"));
  }

  @Test
  void sinceAbsentMeansAllRows() {
    assertNull(RelinkCommand.since(null));
  }

  @Test
  void malformedSinceIsRejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RelinkCommand.since("yesterday"));
    assertTrue(e.getMessage().contains("2026-11-30"), e.getMessage());
  }

  @Test
  void batchSizeOutsideRangeIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> RelinkCommand.batchSize("0"));
    assertThrows(IllegalArgumentException.class, () -> RelinkCommand.batchSize("10001"));
    assertThrows(IllegalArgumentException.class, () -> RelinkCommand.batchSize("many"));
  }

  @Test
  void postgresDataSourceKeepsUrlQuery() {
    DatabaseSettings settings = DatabaseSettings.from(new Environment(Map.of("DATABASE_URL",
        "postgresql://nexus@db.internal:5433/nexus?sslmode=require&ApplicationName=relink")), home);

    PGSimpleDataSource pg = (PGSimpleDataSource) RelinkCommand.dataSource(settings);

    assertEquals("require", pg.getSslmode());
    assertEquals("relink", pg.getApplicationName());
    assertEquals("unspecified", pg.getStringType());
    assertEquals("db.internal", pg.getServerNames()[0]);
    assertEquals(5433, pg.getPortNumbers()[0]);
  }

  @Test
  void unknownDriverPropertyIsRejected() {
    DatabaseSettings settings = DatabaseSettings.from(new Environment(Map.of("DATABASE_URL",
        "postgresql://nexus@db.internal:5433/nexus?sslmod=require")), home);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RelinkCommand.dataSource(settings));

    assertTrue(e.getMessage().contains("sslmod"), e.getMessage());
  }

  @Test
  void unknownModeIsRejected() {
    RelinkCommand command = new RelinkCommand(new Environment(Map.of()), home);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> command.run(Map.of("--mode", "newest"), new PrintStream(new ByteArrayOutputStream())));
    assertTrue(e.getMessage().contains("CONVERSATION_HASH_MODE"), e.getMessage());
  }

  @Test
  void passwordInJdbcUrlIsNotPrinted() throws Exception {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    Environment env = new Environment(Map.of("DATABASE_JDBC_URL",
        "jdbc:h2:mem:relink_secret;DB_CLOSE_DELAY=-1?password=hunter2-secret"));
    try {
      new RelinkCommand(env, home).run(Map.of(), new PrintStream(output, true, StandardCharsets.UTF_8));
    } catch (Exception expected) {
      // The URL is not valid for H2; only the printed text matters here.
    }

    assertTrue(!output.toString(StandardCharsets.UTF_8).contains("hunter2"), output.toString(StandardCharsets.UTF_8));
  }

  @Test
  void progressLineShowsShareAndCounts() {
    String line = ProgressBar.line(250, 1000, TimeUnit.SECONDS.toNanos(5));

    assertTrue(line.startsWith("[########......................]  25% 250/1,000 requests, 50/s"),
        line);
  }

  @Test
  void relinkUpdatesRowsOfEmbeddedDatabase() throws Exception {
    String url = "jdbc:h2:mem:relink_command;DB_CLOSE_DELAY=-1";
    JdbcDataSource h2 = MigratedH2.at(url);
    try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO api_requests (request_id, domain, timestamp, method, path, body,"
          + " request_type, response_status, outcome) VALUES (RANDOM_UUID(), 'a.example.com',"
          + " CURRENT_TIMESTAMP, 'POST', '/v1/messages', '{\"messages\":[{\"role\":\"user\","
          + "\"content\":\"Hi\"}]}', 'inference', 200, 'complete')");
    }
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    Environment env = new Environment(Map.of("DATABASE_JDBC_URL", url, "DATABASE_USER", "nexus",
        "DATABASE_PASSWORD", "nexus"));

    int status = new RelinkCommand(env, home).run(Map.of(),
        new PrintStream(output, true, StandardCharsets.UTF_8));

    assertEquals(0, status);
    assertTrue(output.toString(StandardCharsets.UTF_8).contains("Relinked 1 requests."), output.toString(StandardCharsets.UTF_8));
    try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT hash_mode, conversation_id FROM api_requests")) {
      rs.next();
      assertEquals("current", rs.getString(1));
      assertTrue(rs.getObject(2) != null, "conversation id");
    }
  }
}
