package dev.claudenexus.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionCommandTest {

  private static final String URL = "jdbc:h2:mem:retention_command;DB_CLOSE_DELAY=-1";

  @TempDir Path home;

  private static Environment env(Map<String, String> retention) {
    Map<String, String> values = new java.util.HashMap<>(Map.of("DATABASE_JDBC_URL", URL,
        "DATABASE_USER", "nexus", "DATABASE_PASSWORD", "nexus"));
    values.putAll(retention);
    return new Environment(values);
  }

  @Test
  void runRemovesOldBodiesAndRequests() throws Exception {
    JdbcDataSource h2 = MigratedH2.at(URL);
    try (Connection connection = h2.getConnection();
        Statement statement = connection.createStatement()) {
      for (String age : new String[] {"2", "20", "200"}) {
        statement.executeUpdate("INSERT INTO api_requests (request_id, domain, timestamp, method,"
            + " path, body) VALUES (RANDOM_UUID(), 'a.example.com', CURRENT_TIMESTAMP - INTERVAL '"
            + age + "' DAY, 'POST', '/v1/messages', '{\"age\":" + age + "}')");
      }
    }
    ByteArrayOutputStream output = new ByteArrayOutputStream();

    int status = new RetentionCommand(env(Map.of("RETENTION_BODY_DAYS", "10",
        "RETENTION_DAYS", "100")), home).run(new PrintStream(output, true, StandardCharsets.UTF_8));

    assertEquals(0, status);
    assertTrue(output.toString(StandardCharsets.UTF_8)
        .contains("Removed the bodies of 1 requests and 1 whole requests"),
        output.toString(StandardCharsets.UTF_8));
    try (Connection connection = h2.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(
            "SELECT body FROM api_requests ORDER BY timestamp DESC")) {
      assertTrue(rs.next());
      assertEquals("{\"age\":2}", rs.getString(1));
      assertTrue(rs.next());
      assertEquals(null, rs.getString(1));
      assertTrue(!rs.next(), "the 200-day-old request is still stored");
    }
  }

  @Test
  void auditRetentionRunsWithoutRequestSettings() throws Exception {
    JdbcDataSource h2 = MigratedH2.at(URL);
    try (Connection connection = h2.getConnection();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("DELETE FROM audit_events");
      for (String age : new String[] {"5", "40"}) {
        statement.executeUpdate("INSERT INTO audit_events (event_id, occurred_at, user_name,"
            + " auth_method, action, target_id, outcome, service) VALUES (RANDOM_UUID(),"
            + " CURRENT_TIMESTAMP - INTERVAL '" + age + "' DAY, 'ops', 'dashboard-key',"
            + " 'request.view', 'age-" + age + "', 200, 'dashboard')");
      }
    }
    ByteArrayOutputStream output = new ByteArrayOutputStream();

    int status = new RetentionCommand(env(Map.of("AUDIT_RETENTION_DAYS", "30")), home)
        .run(new PrintStream(output, true, StandardCharsets.UTF_8));

    String printed = output.toString(StandardCharsets.UTF_8);
    assertEquals(0, status);
    assertTrue(printed.contains("every request is kept"), printed);
    assertTrue(printed.contains("Removed 1 audit events older than 30 days"), printed);
    try (Connection connection = h2.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT target_id FROM audit_events")) {
      assertTrue(rs.next());
      assertEquals("age-5", rs.getString(1));
      assertTrue(!rs.next(), "the 40-day-old event is still stored");
    }
  }

  @Test
  void invalidAuditDaysAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new RetentionCommand(env(Map.of("AUDIT_RETENTION_DAYS", "a year")), home)
            .run(new PrintStream(new ByteArrayOutputStream())));

    assertTrue(e.getMessage().contains("AUDIT_RETENTION_DAYS=a year"), e.getMessage());
  }

  @Test
  void outOfRangeDaysAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new RetentionCommand(env(Map.of("RETENTION_DAYS", "0")), home)
            .run(new PrintStream(new ByteArrayOutputStream())));

    assertTrue(e.getMessage().contains("RETENTION_DAYS=0 is out of range"), e.getMessage());
  }

  @Test
  void nonNumericDaysAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new RetentionCommand(env(Map.of("RETENTION_BODY_DAYS", "30d")), home)
            .run(new PrintStream(new ByteArrayOutputStream())));

    assertTrue(e.getMessage().contains("is not a whole number"), e.getMessage());
  }
}
