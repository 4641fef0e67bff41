package dev.claudenexus.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * {@code bin/nexus backup [--dest DIR]}: without {@code --dest}, prints how to back up and restore
 * the configured database, credential files, encryption key and storage journal. With it, writes a
 * backup of the database and a copy of the credential files into a new directory under DIR, while
 * the services keep running.
 */
final class BackupCommand {

  /** File name of a PostgreSQL backup, a {@code pg_dump -Fc} archive. */
  static final String POSTGRES_FILE = "nexus.dump";
  /** File name of an H2 backup, the zip file of {@code BACKUP TO}. */
  static final String H2_FILE = "nexus-h2.zip";

  static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Environment env;
  private final Path home;
  private final Path postgresPrograms;
  private final Clock clock;

  /**
   * @param postgresPrograms the directory of pg_dump and pg_restore, or null to use {@code PATH}
   */
  BackupCommand(Environment env, Path home, Path postgresPrograms, Clock clock) {
    this.env = env;
    this.home = home;
    this.postgresPrograms = postgresPrograms;
    this.clock = clock;
  }

  int run(Map<String, String> options, PrintStream out)
      throws CommandFailedException, IOException, InterruptedException {
    DatabaseSettings settings = DatabaseSettings.from(env, home.resolve("data"));
    BackupGuide guide = new BackupGuide(env, home, settings);
    if (!options.containsKey("--dest")) {
      guide.print(out);
      return 0;
    }
    Path target = createTarget(options.get("--dest"));
    Path database = target.resolve(settings.isPostgres() ? POSTGRES_FILE : H2_FILE);
    if (settings.isPostgres()) {
      PostgresConnection connection = PostgresConnection.of(settings);
      out.println("Writing pg_dump -Fc of " + connection.description() + " to " + database);
      new PostgresClient(connection, postgresPrograms).dump(database);
    } else {
      backupH2(settings, database, out);
    }
    out.println("Wrote the database backup " + database + " (" + Files.size(database) + " bytes).");
    copyCredentials(guide.credentialsDirectory(), target.resolve("credentials"), out);
    guide.printReminders(out);
    return 0;
  }

  private void backupH2(DatabaseSettings settings, Path database, PrintStream out)
      throws CommandFailedException {
    H2Database h2 = H2Database.of(settings);
    if (!Files.exists(h2.file())) {
      throw new CommandFailedException("there is no H2 database at " + h2.file() + "; run bin/nexus"
          + " with the NEXUS_HOME the services use, or set DATABASE_URL");
    }
    out.println("Writing an online backup (H2 BACKUP TO) of " + h2.file() + " to " + database);
    try {
      H2Database.backup(DatabaseTarget.of(settings).dataSource(), database);
    } catch (SQLException e) {
      throw new CommandFailedException("the H2 backup of " + h2.file() + " failed: " + e.getMessage(), e);
    }
  }

  /** Creates {@code DIR/nexus-backup-STAMP}, readable only by this user. */
  private Path createTarget(String value) throws CommandFailedException, IOException {
    Path directory = CommandPaths.parse("--dest", value);
    if (Files.exists(directory) && !Files.isDirectory(directory)) {
      throw new IllegalArgumentException("--dest " + directory + " is a file; give a directory");
    }
    Path target = directory.resolve("nexus-backup-" + STAMP.format(clock.instant()));
    try {
      Files.createDirectories(directory);
      Files.createDirectory(target,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (IOException e) {
      throw new CommandFailedException("cannot create the backup directory " + target + " ("
          + e.getMessage() + "); give a --dest directory that this user may write to", e);
    }
    return target;
  }

  /** Copies the credential files, which contain API keys and OAuth tokens, with mode 600. */
  private static void copyCredentials(Path source, Path target, PrintStream out) throws IOException {
    if (!Files.isDirectory(source)) {
      out.println("No credentials directory at " + source + "; no credential files copied.");
      return;
    }
    Files.createDirectory(target,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    int copied = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(source, "*.json")) {
      for (Path file : files) {
        Path copy = target.resolve(file.getFileName());
        Files.copy(file, copy);
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-------"));
        copied++;
      }
    }
    out.println("Copied " + copied + " credential files from " + source + " to " + target
        + " (they contain API keys and OAuth tokens; keep the backup private).");
  }
}
