package dev.claudenexus.servertests;

import dev.claudenexus.config.DatabaseUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * The test's database: a new PostgreSQL database named {@code server_...} on the server of {@code
 * NEXUS_TEST_DATABASE_URL} when that is set, dropped afterwards; else the embedded H2 file database
 * that the generated commands create in {@code NEXUS_HOME/data}.
 */
final class TestDatabase implements AutoCloseable {

  private final DatabaseUrl admin;
  private final String name;

  private TestDatabase(DatabaseUrl admin, String name) {
    this.admin = admin;
    this.name = name;
  }

  static TestDatabase create() throws SQLException {
    String configured = System.getenv("NEXUS_TEST_DATABASE_URL");
    if (configured == null || configured.isBlank()) {
      return new TestDatabase(null, null);
    }
    DatabaseUrl admin = DatabaseUrl.parse(configured);
    String name = "server_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection connection = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    }
    return new TestDatabase(admin, name);
  }

  boolean isPostgres() {
    return admin != null;
  }

  /** Returns the settings that select this database: none for the embedded H2 database. */
  Map<String, String> settings() {
    if (admin == null) {
      return Map.of();
    }
    String credentials = admin.password().isEmpty() ? admin.user() : admin.user() + ":" + admin.password();
    return Map.of("DATABASE_URL",
        "postgresql://" + credentials + "@" + admin.host() + ":" + admin.port() + "/" + name);
  }

  @Override
  public void close() throws SQLException {
    if (admin == null) {
      return;
    }
    try (Connection connection = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }
}
