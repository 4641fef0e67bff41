package dev.claudenexus.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;

/**
 * {@code bin/nexus restore [--from FILE]}: replaces the configured database with a backup that
 * {@code bin/nexus backup --dest} wrote, and stops with an error while the database is in use.
 * Without {@code --from} it prints the procedure.
 */
final class RestoreCommand {

  /** The first bytes of a {@code pg_dump} custom-format archive. */
  private static final byte[] POSTGRES_MAGIC = "PGDMP".getBytes(StandardCharsets.US_ASCII);

  private final Environment env;
  private final Path home;
  private final Path postgresPrograms;
  private final Clock clock;

  /**
   * @param postgresPrograms the directory of pg_restore, or null to use {@code PATH}
   */
  RestoreCommand(Environment env, Path home, Path postgresPrograms, Clock clock) {
    this.env = env;
    this.home = home;
    this.postgresPrograms = postgresPrograms;
    this.clock = clock;
  }

  int run(Map<String, String> options, PrintStream out)
      throws CommandFailedException, IOException, InterruptedException {
    DatabaseSettings settings = DatabaseSettings.from(env, home.resolve("data"));
    if (!options.containsKey("--from")) {
      new BackupGuide(env, home, settings).print(out);
      return 0;
    }
    Path backup = backupFile(options.get("--from"));
    if (settings.isPostgres()) {
      PostgresConnection connection = PostgresConnection.of(settings);
      checkMagic(backup, POSTGRES_MAGIC, "a pg_dump custom-format archive");
      checkNoSessions(settings, connection);
      out.println("Restoring " + backup + " into " + connection.description() + " with pg_restore");
      new PostgresClient(connection, postgresPrograms).restore(backup);
      out.println("Restored " + connection.description() + " from " + backup + ".");
    } else {
      H2Database h2 = H2Database.of(settings);
      String stamp = BackupCommand.STAMP.format(clock.instant());
      out.println("Restoring " + backup + " into " + h2.file());
      h2.restore(backup, stamp);
      out.println("Restored " + h2.file() + " from " + backup + "; the previous file, if there was"
          + " one, is " + h2.name() + ".mv.db.before-restore-" + stamp + ".");
    }
    out.println("Start the services with bin/nexus start; they migrate an older schema first.");
    return 0;
  }

  private static Path backupFile(String value) {
    Path file = CommandPaths.parse("--from", value);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("--from " + file + " is not a file; give the database"
          + " file that bin/nexus backup --dest wrote (" + BackupCommand.POSTGRES_FILE + " or "
          + BackupCommand.H2_FILE + ")");
    }
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException("--from " + file + " is not readable by this user");
    }
    return file;
  }

  private static void checkMagic(Path file, byte[] magic, String kind)
      throws IOException, CommandFailedException {
    byte[] start;
    try (InputStream in = Files.newInputStream(file)) {
      start = in.readNBytes(magic.length);
    }
    if (!Arrays.equals(start, magic)) {
      throw new CommandFailedException(file + " is not " + kind + "; restore the "
          + BackupCommand.POSTGRES_FILE + " that bin/nexus backup --dest wrote for PostgreSQL");
    }
  }

  /**
   * Fails while another session uses the database, such as a proxy or dashboard of any host. Their
   * pools would keep writing into the tables that the restore replaces.
   */
  private static void checkNoSessions(DatabaseSettings settings, PostgresConnection connection)
      throws CommandFailedException {
    DatabaseTarget target = DatabaseTarget.of(settings);
    try (Connection c = target.dataSource().getConnection();
        Statement statement = c.createStatement();
        ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM pg_stat_activity WHERE"
            + " datname = current_database() AND pid <> pg_backend_pid()"
            + " AND backend_type = 'client backend'")) {
      rs.next();
      long sessions = rs.getLong(1);
      if (sessions > 0) {
        throw new CommandFailedException(sessions + " other sessions use " + connection.description()
            + "; stop every proxy and dashboard that uses it (bin/nexus stop on each host), then"
            + " restore again");
      }
    } catch (SQLException e) {
      throw new CommandFailedException("cannot connect to " + connection.description() + " ("
          + Redaction.scrub(e.getMessage(), target.secrets()) + "); check DATABASE_URL and that the"
          + " server runs", e);
    }
  }
}
