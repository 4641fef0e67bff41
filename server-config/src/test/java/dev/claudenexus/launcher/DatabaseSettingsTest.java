package dev.claudenexus.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

  private static final Path DATA = Path.of("/srv/nexus/data");
  private static final String PG_CLASS = "org.postgresql.ds.PGSimpleDataSource";

  private static DatabaseSettings from(String... namesAndValues) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      values.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return DatabaseSettings.from(new Environment(values), DATA);
  }

  private static String poolCommand(DatabaseSettings settings) {
    return settings.asadminCommands().get(0);
  }

  @Test
  void h2IsDefault() {
    DatabaseSettings settings = from();

    assertEquals("org.h2.jdbcx.JdbcDataSource", settings.dataSourceClass());
    assertFalse(settings.isPostgres());
  }

  @Test
  void h2FileLivesInDataDirectory() {
    assertEquals("jdbc:h2:file:/srv/nexus/data/nexus;AUTO_SERVER=TRUE;DB_CLOSE_DELAY=-1;WRITE_DELAY=0",
        from().properties().get("URL"));
  }

  @Test
  void h2UsesFixedCredentials() {
    assertEquals("nexus", from().properties().get("user"));
    assertEquals("nexus", from().properties().get("password"));
  }

  @Test
  void relativeDataDirectoryIsMadeAbsolute() {
    DatabaseSettings settings = DatabaseSettings.from(new Environment(Map.of()), Path.of("data"));

    String url = settings.properties().get("URL");

    assertTrue(url.startsWith("jdbc:h2:file:" + Path.of("data").toAbsolutePath()), url);
  }

  @Test
  void h2UrlIsEscapedInCommand() {
    assertTrue(poolCommand(from()).contains(
        "URL=jdbc\\:h2\\:file\\:/srv/nexus/data/nexus;AUTO_SERVER\\=TRUE;DB_CLOSE_DELAY\\=-1;WRITE_DELAY\\=0:user=nexus"),
        poolCommand(from()));
  }

  @Test
  void databaseUrlGivesPostgresProperties() {
    DatabaseSettings settings =
        from("DATABASE_URL", "postgresql://nexus:pw@db.internal:6543/claude?sslmode=require");

    assertEquals(PG_CLASS, settings.dataSourceClass());
    assertTrue(settings.isPostgres());
    assertEquals(
        Map.of("serverName", "db.internal", "portNumber", "6543", "databaseName", "claude",
            "user", "nexus", "password", "pw", "stringtype", "unspecified", "sslmode", "require",
            "reWriteBatchedInserts", "true"),
        settings.properties());
  }

  @Test
  void databaseUrlDefaultsPort() {
    assertEquals("5432", from("DATABASE_URL", "postgres://u:p@db/claude").properties().get("portNumber"));
  }

  @Test
  void databaseUrlWinsOverJdbcUrl() {
    DatabaseSettings settings = from(
        "DATABASE_URL", "postgresql://u:p@db/claude", "DATABASE_JDBC_URL", "jdbc:postgresql://other/x");

    assertEquals("db", settings.properties().get("serverName"));
  }

  @Test
  void invalidDatabaseUrlIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> from("DATABASE_URL", "mysql://u:p@db/claude"));
  }

  @Test
  void emptyPasswordUsesAsadminNotation() {
    DatabaseSettings settings = from("DATABASE_URL", "postgresql://nexus@db/claude");

    assertEquals("()", settings.properties().get("password"));
    assertTrue(poolCommand(settings).contains(":password=():"), poolCommand(settings));
  }

  @Test
  void passwordSpecialCharactersAreEscaped() {
    DatabaseSettings settings = from("DATABASE_URL", "postgresql://nexus:a%3Ab%3Dc%5Cd@db/claude");

    assertEquals("a:b=c\\d", settings.properties().get("password"));
    assertTrue(poolCommand(settings).contains(":password=a\\:b\\=c\\\\d:"), poolCommand(settings));
  }

  @Test
  void jdbcUrlGivesPostgresProperties() {
    DatabaseSettings settings = from(
        "DATABASE_JDBC_URL", "jdbc:postgresql://db:5432/claude?sslmode=verify-full",
        "DATABASE_USER", "nexus", "DATABASE_PASSWORD", "pw");

    assertEquals(PG_CLASS, settings.dataSourceClass());
    assertEquals(
        Map.of("url", "jdbc:postgresql://db:5432/claude?sslmode=verify-full", "user", "nexus",
            "password", "pw", "stringtype", "unspecified", "reWriteBatchedInserts", "true"),
        settings.properties());
  }

  @Test
  void jdbcUrlDefaultsUserToPostgres() {
    assertEquals("postgres", from("DATABASE_JDBC_URL", "jdbc:postgresql://db/claude").properties().get("user"));
  }

  @Test
  void jdbcUrlWithoutPasswordUsesEmptyNotation() {
    DatabaseSettings settings =
        from("DATABASE_JDBC_URL", "jdbc:postgresql://db/claude", "DATABASE_PASSWORD", "  ");

    assertEquals("()", settings.properties().get("password"));
  }

  @Test
  void jdbcPasswordIsEscaped() {
    DatabaseSettings settings = from(
        "DATABASE_JDBC_URL", "jdbc:postgresql://db/claude", "DATABASE_PASSWORD", "p:a=s");

    assertTrue(poolCommand(settings).contains("password=p\\:a\\=s"), poolCommand(settings));
  }

  @Test
  void passwordWithSpaceAndQuotesIsQuoted() {
    // Payara Micro 6.2025.10 read this line back as the password a b\c:d=e"f'g.
    DatabaseSettings settings = from(
        "DATABASE_JDBC_URL", "jdbc:postgresql://db/claude", "DATABASE_PASSWORD", "a b\\c:d=e\"f'g");

    assertTrue(poolCommand(settings).contains(
        " \"url=jdbc\\:postgresql\\://db/claude:user=postgres:password=a b\\\\c\\:d\\=e\\\"f\\'g"
            + ":stringtype=unspecified:reWriteBatchedInserts=true\" NexusPool"),
        poolCommand(settings));
  }

  @Test
  void unsupportedJdbcUrlIsRejected() {
    for (String url : List.of("jdbc:mysql://db/x", "postgresql://db/x", "jdbc:sqlite:/tmp/x")) {
      IllegalArgumentException error =
          assertThrows(IllegalArgumentException.class, () -> from("DATABASE_JDBC_URL", url));

      assertTrue(error.getMessage().contains("DATABASE_JDBC_URL"), error.getMessage());
    }
  }

  @Test
  void h2ServerJdbcUrlSelectsH2Pool() {
    DatabaseSettings settings = from("DATABASE_JDBC_URL", "jdbc:h2:tcp://127.0.0.1:9092/nexus");

    assertEquals("org.h2.jdbcx.JdbcDataSource", settings.dataSourceClass());
    assertEquals("jdbc:h2:tcp://127.0.0.1:9092/nexus", settings.properties().get("URL"));
    assertEquals("nexus", settings.properties().get("user"));
  }

  @Test
  void commandsCreatePoolResourceAndBatchStore() {
    List<String> commands = from().asadminCommands();

    assertEquals(3, commands.size());
    assertTrue(commands.get(0).startsWith("create-jdbc-connection-pool "), commands.get(0));
    assertTrue(commands.get(0).endsWith(" NexusPool"), commands.get(0));
    assertEquals("create-jdbc-resource --connectionpoolid NexusPool jdbc/nexus", commands.get(1));
    assertEquals("set-batch-runtime-configuration --datasourcelookupname jdbc/nexus", commands.get(2));
  }

  @Test
  void poolCommandNamesDataSourceClass() {
    assertTrue(poolCommand(from()).contains("--datasourceclassname org.h2.jdbcx.JdbcDataSource"));
  }

  @Test
  void postgresPoolValidatesConnections() {
    String command = poolCommand(from("DATABASE_URL", "postgresql://u:p@db/claude"));

    assertTrue(command.contains("--isconnectvalidatereq true"), command);
    assertTrue(command.contains("--validationclassname "
        + "org.glassfish.api.jdbc.validation.PostgresConnectionValidation"), command);
  }

  @Test
  void h2PoolHasNoPostgresValidation() {
    assertFalse(poolCommand(from()).contains("PostgresConnectionValidation"));
  }

  @Test
  void dataDirectoryWithSpaceIsQuoted() {
    DatabaseSettings settings = DatabaseSettings.from(new Environment(Map.of()), Path.of("/srv/my data"));

    assertTrue(poolCommand(settings).contains(
        " \"URL=jdbc\\:h2\\:file\\:/srv/my data/nexus;AUTO_SERVER\\=TRUE;DB_CLOSE_DELAY\\=-1;WRITE_DELAY\\=0:user=nexus:"),
        poolCommand(settings));
  }
}
