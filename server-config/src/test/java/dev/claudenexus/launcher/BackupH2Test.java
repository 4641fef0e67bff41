package dev.claudenexus.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.claudenexus.schema.SchemaMigrator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/nexus backup and restore on an H2 file database. */
class BackupH2Test {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T09:30:00Z"), ZoneOffset.UTC);

  @TempDir Path home;

  private JdbcDataSource h2;
  private final StoredConversation conversation = new StoredConversation();
  private final ByteArrayOutputStream output = new ByteArrayOutputStream();

  @BeforeEach
  void storeConversation() throws Exception {
    h2 = new JdbcDataSource();
    // Without DB_CLOSE_DELAY the database closes with its last connection, as it does when the
    // command's process ends.
    h2.setURL("jdbc:h2:file:" + home.resolve("db/nexus"));
    h2.setUser(DatabaseSettings.H2_USER);
    h2.setPassword(DatabaseSettings.H2_PASSWORD);
    SchemaMigrator.migrate(h2);
    conversation.store(h2);
  }

  private Environment env() {
    Map<String, String> values = new HashMap<>();
    values.put("DATABASE_JDBC_URL", "jdbc:h2:file:" + home.resolve("db/nexus"));
    values.put("CREDENTIALS_DIR", home.resolve("credentials").toString());
    return new Environment(values);
  }

  private int backup(Map<String, String> options) throws Exception {
    return new BackupCommand(env(), home, null, CLOCK)
        .run(options, new PrintStream(output, true, StandardCharsets.UTF_8));
  }

  private int restore(Map<String, String> options) throws Exception {
    return new RestoreCommand(env(), home, null, CLOCK)
        .run(options, new PrintStream(output, true, StandardCharsets.UTF_8));
  }

  private String printed() {
    return output.toString(StandardCharsets.UTF_8);
  }

  private Path backupFile() {
    return home.resolve("backups/nexus-backup-20261205T093000Z").resolve(BackupCommand.H2_FILE);
  }

  @Test
  void restoreYieldsBackedUpRows() throws Exception {
    List<String> before = BackupSnapshot.of(h2);

    assertEquals(0, backup(Map.of("--dest", home.resolve("backups").toString())));
    BackupSnapshot.change(h2, conversation);
    assertNotEquals(before, BackupSnapshot.of(h2));
    assertEquals(0, restore(Map.of("--from", backupFile().toString())));

    assertEquals(before, BackupSnapshot.of(h2));
    assertTrue(Files.exists(home.resolve("db/nexus.mv.db.before-restore-20261205T093000Z")));
  }

  @Test
  void backupWhileDatabaseIsOpen() throws Exception {
    try (Connection open = h2.getConnection()) {
      backup(Map.of("--dest", home.resolve("backups").toString()));
    }

    assertTrue(Files.size(backupFile()) > 0, printed());
    assertTrue(printed().contains("Wrote the database backup " + backupFile()), printed());
  }

  @Test
  void restoreRejectedWhileDatabaseIsOpen() throws Exception {
    backup(Map.of("--dest", home.resolve("backups").toString()));

    try (Connection open = h2.getConnection()) {
      CommandFailedException e = assertThrows(CommandFailedException.class,
          () -> restore(Map.of("--from", backupFile().toString())));

      assertTrue(e.getMessage().contains("is in use"), e.getMessage());
      assertTrue(e.getMessage().contains("bin/nexus stop"), e.getMessage());
    }
  }

  @Test
  void backupCopiesCredentialFilesPrivately() throws Exception {
    Files.createDirectories(home.resolve("credentials"));
    Files.writeString(home.resolve("credentials/a.example.com.credentials.json"), "{\"type\":\"api_key\"}");

    backup(Map.of("--dest", home.resolve("backups").toString()));

    Path copy = backupFile().resolveSibling("credentials/a.example.com.credentials.json");
    assertEquals("{\"type\":\"api_key\"}", Files.readString(copy));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)));
    assertEquals("rwx------", PosixFilePermissions.toString(
        Files.getPosixFilePermissions(backupFile().getParent())));
  }

  @Test
  void guideNamesFileAndJournal() throws Exception {
    Files.createDirectories(home.resolve("data/journal"));
    Files.writeString(home.resolve("data/journal/pending.jsonl"), "{\"requestId\":\"x\"}\n");

    assertEquals(0, backup(Map.of()));

    assertTrue(printed().contains("Database: H2 file " + home.resolve("db/nexus.mv.db")), printed());
    assertTrue(printed().contains("BACKUP TO"), printed());
    assertTrue(printed().contains("contains 18 bytes of requests that are not in the database yet"),
        printed());
    assertTrue(printed().contains("OAUTH_TOKEN_ENCRYPTION_KEY (not set)"), printed());
  }

  @Test
  void restoreWithoutFromPrintsGuide() throws Exception {
    assertEquals(0, restore(Map.of()));

    assertTrue(printed().contains("bin/nexus restore --from DIR/nexus-backup-STAMP/nexus-h2.zip"),
        printed());
  }

  @Test
  void inMemoryDatabaseIsRejected() {
    Environment memory = new Environment(Map.of("DATABASE_JDBC_URL", "jdbc:h2:mem:tools_backup"));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new BackupCommand(memory, home, null, CLOCK).run(
            Map.of("--dest", home.toString()), new PrintStream(output)));

    assertTrue(e.getMessage().contains("need an H2 database in a file"), e.getMessage());
  }

  @Test
  void destinationThatIsFileIsRejected() throws Exception {
    Files.writeString(home.resolve("plain"), "x");

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> backup(Map.of("--dest", home.resolve("plain").toString())));

    assertTrue(e.getMessage().contains("is a file; give a directory"), e.getMessage());
  }

  @Test
  void invalidBackupFilesAreRejected() throws Exception {
    Files.writeString(home.resolve("notes.txt"), "not a zip");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(home.resolve("other.zip")))) {
      zip.putNextEntry(new ZipEntry("readme.txt"));
      zip.write(1);
    }

    String notZip = assertThrows(CommandFailedException.class,
        () -> restore(Map.of("--from", home.resolve("notes.txt").toString()))).getMessage();
    String noDatabase = assertThrows(CommandFailedException.class,
        () -> restore(Map.of("--from", home.resolve("other.zip").toString()))).getMessage();

    assertTrue(notZip.contains("is not a zip file"), notZip);
    assertTrue(noDatabase.contains("contains no H2 database"), noDatabase);
    assertFalse(Files.exists(home.resolve("db/nexus.mv.db.before-restore-20261205T093000Z")));
  }

  @Test
  void invalidFromPathsAreRejected() {
    for (String path : new String[] {home.resolve("missing.zip").toString(), home.toString(),
        "/tmp/" + "a".repeat(5000), "/tmp/x\u0000y", "\u001b[2J", " "}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> restore(Map.of("--from", path)));

      assertTrue(e.getMessage().startsWith("--from"), e.getMessage());
      assertFalse(e.getMessage().chars().anyMatch(Character::isISOControl), e.getMessage());
      assertTrue(e.getMessage().length() < 400, e.getMessage());
    }
  }
}
