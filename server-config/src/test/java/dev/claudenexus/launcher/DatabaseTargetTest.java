package dev.claudenexus.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class DatabaseTargetTest {

  private static String rejection(String value) {
    return assertThrows(IllegalArgumentException.class,
        () -> DatabaseTarget.parse("--dest-db", value)).getMessage();
  }

  @Test
  void postgresUrlIsDescribedWithoutPassword() {
    DatabaseTarget target =
        DatabaseTarget.parse("--dest-db", "postgresql://nexus:p%40ss@db.example:5433/copy?sslmode=require");

    assertEquals("postgresql://nexus@db.example:5433/copy", target.description());
    assertTrue(target.secrets().contains("p@ss"), target.secrets().toString());
    PGSimpleDataSource pg = (PGSimpleDataSource) target.dataSource();
    assertEquals("require", pg.getSslMode());
    assertEquals("unspecified", pg.getStringType());
  }

  @Test
  void jdbcPostgresUrlKeepsItsParametersHidden() {
    DatabaseTarget target = DatabaseTarget.parse("--dest-db",
        "jdbc:postgresql://127.0.0.1:5432/copy?user=nexus&password=hunter2-secret");

    assertEquals("jdbc:postgresql://127.0.0.1:5432/copy", target.description());
    assertEquals(List.of("hunter2-secret"), target.secrets());
  }

  @Test
  void h2UrlTakesUserAndPasswordSettings() {
    DatabaseTarget target =
        DatabaseTarget.parse("--dest-db", "jdbc:h2:file:/tmp/copy;USER=admin;PASSWORD=hunter2;MODE=Regular");

    JdbcDataSource h2 = (JdbcDataSource) target.dataSource();
    assertEquals("jdbc:h2:file:/tmp/copy;MODE=Regular", h2.getURL());
    assertEquals("admin", h2.getUser());
    assertEquals("jdbc:h2:file:/tmp/copy", target.description());
    assertEquals(List.of("hunter2"), target.secrets());
  }

  @Test
  void unknownSchemeIsRejected() {
    String message = rejection("mysql://root:hunter2-secret@127.0.0.1/copy");

    assertTrue(message.contains("--dest-db must be a PostgreSQL URL"), message);
    assertFalse(message.contains("hunter2"), message);
  }

  @Test
  void urlWithoutDatabaseIsRejected() {
    String message = rejection("postgresql://nexus:hunter2-secret@127.0.0.1:5432/");

    assertTrue(message.contains("--dest-db has no database name"), message);
    assertFalse(message.contains("hunter2"), message);
  }

  @Test
  void invalidJdbcUrlIsRejectedWithoutPassword() {
    String message = rejection("jdbc:postgresql://127.0.0.1:notaport/copy?password=hunter2-secret");

    assertTrue(message.contains("not a valid PostgreSQL JDBC URL"), message);
    assertFalse(message.contains("hunter2"), message);
  }

  @Test
  void unknownDriverParameterIsRejected() {
    String message = rejection("postgresql://nexus@127.0.0.1:5432/copy?colour=blue");

    assertTrue(message.contains("query parameter"), message);
  }

  @Test
  void oversizedUrlIsRejected() {
    String message = rejection("postgresql://nexus@127.0.0.1:5432/" + "a".repeat(5000));

    assertTrue(message.contains("give a URL of at most 2048 characters"), message);
  }

  @Test
  void controlCharactersAreRejected() {
    String message = rejection("postgresql://nexus@127.0.0.1:5432/copy\n; rm -rf /");

    assertTrue(message.contains("contains control characters"), message);
  }
}
