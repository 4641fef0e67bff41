package dev.claudenexus.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

  private static final String SECRET = "s3cr3tPW";

  private static IllegalArgumentException rejected(String value) {
    return assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse(value));
  }

  @Test
  void fullUrlIsParsed() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://nexus:pw@db.example.com:6543/claude");

    assertEquals("db.example.com", url.host());
    assertEquals(6543, url.port());
    assertEquals("claude", url.database());
    assertEquals("nexus", url.user());
    assertEquals("pw", url.password());
    assertTrue(url.parameters().isEmpty());
  }

  @Test
  void postgresSchemeIsAccepted() {
    DatabaseUrl url = DatabaseUrl.parse("postgres://nexus:pw@localhost:5433/claude");

    assertEquals("localhost", url.host());
    assertEquals(5433, url.port());
  }

  @Test
  void missingPortDefaultsTo5432() {
    assertEquals(5432, DatabaseUrl.parse("postgresql://u:p@db/claude").port());
  }

  @Test
  void missingUserDefaultsToPostgres() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://db/claude");

    assertEquals("postgres", url.user());
    assertEquals("", url.password());
  }

  @Test
  void userWithoutPasswordHasEmptyPassword() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://alice@db/claude");

    assertEquals("alice", url.user());
    assertEquals("", url.password());
  }

  @Test
  void surroundingWhitespaceIsIgnored() {
    assertEquals("db", DatabaseUrl.parse("  postgresql://u:p@db/claude \n").host());
  }

  @Test
  void percentEncodedPasswordIsDecoded() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://u:a%3Ab%40c%2Fd%25e@db/claude");

    assertEquals("a:b@c/d%e", url.password());
  }

  @Test
  void percentEncodedUserIsDecoded() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://me%40corp%3Ax:pw@db/claude");

    assertEquals("me@corp:x", url.user());
  }

  @Test
  void plusInPasswordStaysPlus() {
    assertEquals("a+b", DatabaseUrl.parse("postgresql://u:a+b@db/claude").password());
  }

  @Test
  void unicodePasswordIsDecoded() {
    assertEquals("p\u00e4ss", DatabaseUrl.parse("postgresql://u:p%C3%A4ss@db/claude").password());
  }

  @Test
  void queryParametersAreKept() {
    DatabaseUrl url =
        DatabaseUrl.parse("postgresql://u:p@db/claude?sslmode=require&application_name=nexus%20proxy");

    assertEquals(Map.of("sslmode", "require", "application_name", "nexus proxy"), url.parameters());
  }

  @Test
  void parameterWithoutValueIsSkipped() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://u:p@db/claude?flag&sslmode=disable");

    assertEquals(Map.of("sslmode", "disable"), url.parameters());
  }

  @Test
  void encodedDatabaseNameIsDecoded() {
    assertEquals("my db", DatabaseUrl.parse("postgresql://u:p@db/my%20db").database());
  }

  @Test
  void ipv6HostIsKept() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://u:p@[::1]:5433/claude");

    assertEquals("[::1]", url.host());
    assertEquals("jdbc:postgresql://[::1]:5433/claude", url.jdbcUrl());
  }

  @Test
  void jdbcUrlHasNoCredentials() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://u:" + SECRET + "@db:5433/claude?sslmode=require");

    assertEquals("jdbc:postgresql://db:5433/claude", url.jdbcUrl());
  }

  @Test
  void toStringHidesPassword() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://nexus:" + SECRET + "@db/claude");

    assertFalse(url.toString().contains(SECRET), url.toString());
    assertTrue(url.toString().contains("nexus"), url.toString());
  }

  @Test
  void nullIsRejected() {
    assertTrue(rejected(null).getMessage().contains("empty"));
  }

  @Test
  void blankIsRejected() {
    assertTrue(rejected("   ").getMessage().contains("empty"));
  }

  @Test
  void wrongSchemeIsRejected() {
    IllegalArgumentException error = rejected("mysql://u:" + SECRET + "@db/claude");

    assertTrue(error.getMessage().contains("mysql://"), error.getMessage());
  }

  @Test
  void jdbcPrefixIsRejected() {
    rejected("jdbc:postgresql://db:5432/claude");
  }

  @Test
  void missingSchemeIsRejected() {
    IllegalArgumentException error = rejected("db.example.com/claude");

    assertFalse(error.getMessage().contains("null"), error.getMessage());
  }

  @Test
  void missingHostIsRejected() {
    assertTrue(rejected("postgresql:///claude").getMessage().contains("host"));
  }

  @Test
  void missingDatabaseIsRejected() {
    assertTrue(rejected("postgresql://u:p@db").getMessage().contains("database"));
  }

  @Test
  void slashWithoutDatabaseIsRejected() {
    assertTrue(rejected("postgresql://u:p@db:5432/").getMessage().contains("database"));
  }

  @Test
  void errorsNeverContainPassword() {
    List<String> values = List.of(
        "mysql://u:" + SECRET + "@db/claude",
        "postgresql://u:" + SECRET + "@/claude",
        "postgresql://u:" + SECRET + "@db",
        "postgresql://u:" + SECRET + " x@db/claude",
        "postgresql://u:" + SECRET + "%zz@db/claude",
        "postgresql://u:" + SECRET + "@db@other/claude",
        "postgresql://u:" + SECRET + "@db:notaport/claude",
        "postgresql://u:" + SECRET + "@db/claude?x=%",
        "::" + SECRET + "::",
        SECRET);

    for (String value : values) {
      IllegalArgumentException error = rejected(value);
      assertFalse(error.getMessage().contains(SECRET), value + " gave: " + error.getMessage());
    }
  }

  @Test
  void garbageIsRejected() {
    for (String value : List.of("not a url", "postgresql:", "postgresql://", "://", "%%%", "\u0000")) {
      rejected(value);
    }
  }
}
