package dev.claudenexus.launcher;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.claudenexus.config.DatabaseUrl;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * An empty database for one test, named {@code tools_<random>}: in-memory H2, or PostgreSQL on the
 * server that {@code NEXUS_TEST_DATABASE_URL} names, dropped again by {@link #close}.
 */
final class ToolsDatabase implements AutoCloseable {

  private final String name;
  private final DataSource dataSource;
  private final DatabaseUrl server;

  private ToolsDatabase(String name, DataSource dataSource, DatabaseUrl server) {
    this.name = name;
    this.dataSource = dataSource;
    this.server = server;
  }

  static ToolsDatabase h2() {
    String name = uniqueName();
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    h2.setUser(DatabaseSettings.H2_USER);
    h2.setPassword(DatabaseSettings.H2_PASSWORD);
    return new ToolsDatabase(name, h2, null);
  }

  /** Creates a PostgreSQL database; skips the test when NEXUS_TEST_DATABASE_URL is unset. */
  static ToolsDatabase postgres() throws SQLException {
    String url = System.getenv("NEXUS_TEST_DATABASE_URL");
    assumeTrue(url != null && !url.isBlank(), "NEXUS_TEST_DATABASE_URL is not set");
    DatabaseUrl server = DatabaseUrl.parse(url);
    String name = uniqueName();
    try (Connection connection = postgresDataSource(server, server.database()).getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    }
    return new ToolsDatabase(name, postgresDataSource(server, name), server);
  }

  private static PGSimpleDataSource postgresDataSource(DatabaseUrl server, String database) {
    PGSimpleDataSource pg = new PGSimpleDataSource();
    pg.setServerNames(new String[] {server.host()});
    pg.setPortNumbers(new int[] {server.port()});
    pg.setDatabaseName(database);
    pg.setUser(server.user());
    if (!server.password().isEmpty()) {
      pg.setPassword(server.password());
    }
    pg.setStringType("unspecified");
    return pg;
  }

  boolean isPostgres() {
    return server != null;
  }

  DataSource dataSource() {
    return dataSource;
  }

  /** Returns the database as {@code --dest-db} names it. */
  String url() {
    if (server == null) {
      return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
    }
    String password = server.password().isEmpty() ? "" : ":" + server.password();
    return "postgresql://" + server.user() + password + "@" + server.host() + ":" + server.port()
        + "/" + name;
  }

  /** Returns settings that make this the database of the services. */
  Map<String, String> serviceSettings() {
    if (server == null) {
      return Map.of("DATABASE_JDBC_URL", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    }
    return Map.of("DATABASE_URL", url());
  }

  @Override
  public void close() throws SQLException {
    if (server == null) {
      try (Connection connection = dataSource.getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("SHUTDOWN");
      }
      return;
    }
    try (Connection connection = postgresDataSource(server, server.database()).getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }

  private static String uniqueName() {
    byte[] bytes = new byte[6];
    ThreadLocalRandom.current().nextBytes(bytes);
    return "tools_" + HexFormat.of().formatHex(bytes);
  }
}
