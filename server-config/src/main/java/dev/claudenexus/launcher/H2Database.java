package dev.claudenexus.launcher;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.h2.tools.Restore;

/**
 * An H2 database kept in a file, as the services use it by default: its online backup with H2's
 * {@code BACKUP TO} and its restore from such a backup.
 *
 * @param directory the directory of the database files
 * @param name the database name, the file name without {@code .mv.db}
 */
record H2Database(Path directory, String name) {

  /**
   * Returns the file database that {@code settings} name.
   *
   * @throws IllegalArgumentException when they name an in-memory or remote H2 database
   */
  static H2Database of(DatabaseSettings settings) {
    String url = settings.properties().get("URL").split(";", 2)[0];
    String path = url.substring("jdbc:h2:".length());
    if (path.startsWith("file:")) {
      path = path.substring("file:".length());
    }
    String lower = path.toLowerCase(Locale.ROOT);
    if (lower.startsWith("mem:") || lower.startsWith("tcp:") || lower.startsWith("ssl:")
        || lower.startsWith("zip:") || path.startsWith("~") || path.isBlank()) {
      throw new IllegalArgumentException("backup and restore need an H2 database in a file given"
          + " by its full path (jdbc:h2:file:/path/to/nexus), not " + url);
    }
    Path file = Path.of(path).toAbsolutePath().normalize();
    return new H2Database(file.getParent(), file.getFileName().toString());
  }

  Path file() {
    return directory.resolve(name + ".mv.db");
  }

  /**
   * Writes a consistent copy of the database into the zip file {@code target} while it stays in use.
   * H2 copies the files with their transaction log. The process that has the database open writes the zip file.
   */
  static void backup(DataSource dataSource, Path target) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("BACKUP TO '" + target.toString().replace("'", "''") + "'");
    }
  }

  /**
   * Replaces the database with the one in {@code backup}, a zip file written by {@link #backup}. The
   * current file is kept beside it as {@code NAME.mv.db.before-restore-SUFFIX}.
   *
   * @throws CommandFailedException when the database is open, or {@code backup} is no H2 backup
   */
  void restore(Path backup, String suffix) throws CommandFailedException, IOException {
    checkBackup(backup);
    checkNotInUse();
    if (Files.exists(file())) {
      Path aside = directory.resolve(name + ".mv.db.before-restore-" + suffix);
      Files.move(file(), aside);
    }
    Files.createDirectories(directory);
    Restore.execute(backup.toString(), directory.toString(), name);
  }

  private static void checkBackup(Path backup) throws CommandFailedException {
    try (ZipFile zip = new ZipFile(backup.toFile())) {
      boolean database = zip.stream().anyMatch(e -> e.getName().endsWith(".mv.db"));
      if (!database) {
        throw new CommandFailedException(backup + " contains no H2 database (no .mv.db file);"
            + " restore a zip file that bin/nexus backup wrote for H2");
      }
    } catch (IOException e) {
      throw new CommandFailedException(backup + " is not a zip file; restore a zip file that"
          + " bin/nexus backup wrote for H2", e);
    }
  }

  /** Fails when a process has the database open: its lock file exists or its file is locked. */
  private void checkNotInUse() throws CommandFailedException, IOException {
    String stop = "; stop the proxy and the dashboard (bin/nexus stop) and every other program"
        + " that uses the database, then restore again";
    if (Files.exists(directory.resolve(name + ".lock.db"))) {
      throw new CommandFailedException("the database " + file() + " is in use (its lock file "
          + name + ".lock.db exists)" + stop);
    }
    if (!Files.exists(file())) {
      return;
    }
    try (FileChannel channel = FileChannel.open(file(), StandardOpenOption.READ,
        StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw new CommandFailedException("the database " + file() + " is in use" + stop);
      }
      lock.release();
    } catch (OverlappingFileLockException e) {
      throw new CommandFailedException("the database " + file() + " is in use by this process" + stop, e);
    }
  }
}
