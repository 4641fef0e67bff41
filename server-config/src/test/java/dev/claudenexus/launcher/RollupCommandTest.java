package dev.claudenexus.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

class RollupCommandTest {

  private static final String URL = "jdbc:h2:mem:rollup_command;DB_CLOSE_DELAY=-1";

  @TempDir Path home;

  @Test
  void rebuildCountsRowsInsertedWithSql() throws Exception {
    JdbcDataSource h2 = MigratedH2.at(URL);
    try (Connection connection = h2.getConnection();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("INSERT INTO api_requests (request_id, domain, timestamp, method, path,"
          + " output_tokens, account_id) VALUES (RANDOM_UUID(), 'a.example.com',"
          + " TIMESTAMP WITH TIME ZONE '2026-11-30 08:15:00+00', 'POST', '/v1/messages', 42, 'acc_1')");
    }
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    Environment env = new Environment(Map.of("DATABASE_JDBC_URL", URL, "DATABASE_USER", "nexus",
        "DATABASE_PASSWORD", "nexus"));

    int status = new RollupCommand(env, home).run(new PrintStream(output, true, StandardCharsets.UTF_8));

    assertEquals(0, status);
    assertTrue(output.toString(StandardCharsets.UTF_8).contains("Rebuilt the usage rollups"),
        output.toString(StandardCharsets.UTF_8));
    try (Connection connection = h2.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(
            "SELECT request_count, output_tokens FROM rollup_usage_hours WHERE account_id = 'acc_1'")) {
      assertTrue(rs.next(), "the inserted request is not in the hourly rollup");
      assertEquals(1, rs.getLong(1));
      assertEquals(42, rs.getLong(2));
    }
  }
}
