package dev.claudenexus.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.claudenexus.schema.SchemaMigrator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/nexus backup and restore on PostgreSQL with pg_dump and pg_restore from PATH, when
 * NEXUS_TEST_DATABASE_URL names a server.
 */
class BackupPostgresTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T09:30:00Z"), ZoneOffset.UTC);

  @TempDir Path home;

  private ToolsDatabase database;
  private final StoredConversation conversation = new StoredConversation();
  private final ByteArrayOutputStream output = new ByteArrayOutputStream();

  @BeforeEach
  void storeConversation() throws Exception {
    database = ToolsDatabase.postgres();
    SchemaMigrator.migrate(database.dataSource());
    conversation.store(database.dataSource());
  }

  @AfterEach
  void dropDatabase() throws Exception {
    // Without NEXUS_TEST_DATABASE_URL the tests are skipped before they open a database.
    if (database != null) {
      database.close();
    }
  }

  private int backup(Environment env, Path programs, Map<String, String> options) throws Exception {
    return new BackupCommand(env, home, programs, CLOCK)
        .run(options, new PrintStream(output, true, StandardCharsets.UTF_8));
  }

  private int restore(Map<String, String> options) throws Exception {
    return new RestoreCommand(new Environment(database.serviceSettings()), home, null, CLOCK)
        .run(options, new PrintStream(output, true, StandardCharsets.UTF_8));
  }

  private String printed() {
    return output.toString(StandardCharsets.UTF_8);
  }

  private Path dumpFile() {
    return home.resolve("backups/nexus-backup-20261205T093000Z").resolve(BackupCommand.POSTGRES_FILE);
  }

  @Test
  void restoreYieldsDumpedRows() throws Exception {
    List<String> before = BackupSnapshot.of(database.dataSource());

    assertEquals(0, backup(new Environment(database.serviceSettings()), null,
        Map.of("--dest", home.resolve("backups").toString())));
    BackupSnapshot.change(database.dataSource(), conversation);
    assertNotEquals(before, BackupSnapshot.of(database.dataSource()));
    assertEquals(0, restore(Map.of("--from", dumpFile().toString())));

    assertEquals(before, BackupSnapshot.of(database.dataSource()));
    assertTrue(printed().contains("Restored postgresql://"), printed());
  }

  @Test
  void restoreRejectedWhileSessionIsOpen() throws Exception {
    backup(new Environment(database.serviceSettings()), null,
        Map.of("--dest", home.resolve("backups").toString()));

    try (Connection open = database.dataSource().getConnection()) {
      CommandFailedException e = assertThrows(CommandFailedException.class,
          () -> restore(Map.of("--from", dumpFile().toString())));

      assertTrue(e.getMessage().contains("1 other sessions use"), e.getMessage());
    }
  }

  @Test
  void restoreRejectsOtherFiles() throws Exception {
    Files.writeString(home.resolve("nexus-h2.zip"), "PK not a dump");

    CommandFailedException e = assertThrows(CommandFailedException.class,
        () -> restore(Map.of("--from", home.resolve("nexus-h2.zip").toString())));

    assertTrue(e.getMessage().contains("is not a pg_dump custom-format archive"), e.getMessage());
  }

  @Test
  void missingPgDumpIsReported() throws Exception {
    Path empty = Files.createDirectories(home.resolve("no-programs"));

    CommandFailedException e = assertThrows(CommandFailedException.class,
        () -> backup(new Environment(database.serviceSettings()), empty,
            Map.of("--dest", home.resolve("backups").toString())));

    assertTrue(e.getMessage().contains("pg_dump was not found in " + empty), e.getMessage());
  }

  @Test
  void failedDumpDoesNotShowPassword() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    Environment env = new Environment(Map.of("DATABASE_URL",
        "postgresql://postgres:tools-secret@127.0.0.1:" + port + "/tools_absent"));

    CommandFailedException e = assertThrows(CommandFailedException.class,
        () -> backup(env, null, Map.of("--dest", home.resolve("backups").toString())));

    assertTrue(e.getMessage().contains("pg_dump failed"), e.getMessage());
    assertFalse(e.getMessage().contains("tools-secret"), e.getMessage());
    assertFalse(printed().contains("tools-secret"), printed());
  }

  @Test
  void guideShowsConnectionWithoutPassword() throws Exception {
    Environment env = new Environment(Map.of("DATABASE_URL",
        "postgresql://nexus:tools-secret@db.example:5433/nexus?sslmode=require",
        "OAUTH_TOKEN_ENCRYPTION_KEY", "a2V5LWtleS1rZXkta2V5LWtleS1rZXkta2V5LWtleTE="));

    backup(env, null, Map.of());

    assertTrue(printed().contains("pg_dump --format=custom -h db.example -p 5433 -U nexus -d nexus"),
        printed());
    assertTrue(printed().contains("OAUTH_TOKEN_ENCRYPTION_KEY (set)"), printed());
    assertFalse(printed().contains("tools-secret"), printed());
    assertFalse(printed().contains("a2V5"), printed());
  }
}
