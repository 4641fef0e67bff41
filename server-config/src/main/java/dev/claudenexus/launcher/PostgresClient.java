package dev.claudenexus.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the PostgreSQL client programs {@code pg_dump} and {@code pg_restore} for one database. The
 * password reaches them through a password file readable only by this user, which is deleted
 * afterwards, so it appears neither on a command line nor in the output.
 */
final class PostgresClient {

  /** Output of a failed program that an error message repeats, at most, in bytes. */
  private static final int MAX_OUTPUT = 4000;

  private final PostgresConnection connection;
  private final Path programDirectory;

  /**
   * @param programDirectory where the programs are, or null to look them up on {@code PATH}
   */
  PostgresClient(PostgresConnection connection, Path programDirectory) {
    this.connection = connection;
    this.programDirectory = programDirectory;
  }

  /** Writes a custom-format archive of the whole database ({@code pg_dump -Fc}) to {@code file}. */
  void dump(Path file) throws CommandFailedException, InterruptedException {
    run("pg_dump", List.of("--format=custom", "--no-password", "--file=" + file));
  }

  /**
   * Replaces the database's objects with those of a {@code pg_dump -Fc} archive, in one transaction,
   * so a failed restore leaves the database as it was.
   */
  void restore(Path archive) throws CommandFailedException, InterruptedException {
    run("pg_restore", List.of("--clean", "--if-exists", "--no-owner", "--single-transaction",
        "--exit-on-error", "--no-password", "--dbname=" + connection.database(), archive.toString()));
  }

  private void run(String program, List<String> arguments)
      throws CommandFailedException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(programDirectory == null ? program : programDirectory.resolve(program).toString());
    command.addAll(arguments);
    Path passwordFile = null;
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      Map<String, String> env = builder.environment();
      env.remove("PGPASSWORD");
      env.remove("PGSERVICE");
      env.putAll(connection.environment());
      if (!connection.password().isEmpty()) {
        passwordFile = passwordFile();
        env.put("PGPASSFILE", passwordFile.toString());
      }
      Process process = startProcess(builder, program);
      String output = read(process.getInputStream());
      int status = process.waitFor();
      if (status != 0) {
        throw new CommandFailedException(program + " failed with exit status " + status + " for "
            + connection.description() + ": " + Redaction.scrub(output.strip(),
            List.of(connection.password())));
      }
    } catch (IOException e) {
      throw new CommandFailedException("running " + program + " failed: " + e.getMessage(), e);
    } finally {
      deleteQuietly(passwordFile);
    }
  }

  private Process startProcess(ProcessBuilder builder, String program) throws CommandFailedException {
    try {
      return builder.start();
    } catch (IOException e) {
      throw new CommandFailedException(program + " was not found" + (programDirectory == null
          ? " on PATH" : " in " + programDirectory) + "; install the PostgreSQL client programs"
          + " (the server's major version or newer), or follow docs/backup.md by hand", e);
    }
  }

  /** Writes libpq's password file: one line that matches any host, port, database and user. */
  private Path passwordFile() throws IOException {
    Path file = Files.createTempFile("nexus-pgpass", "",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    String escaped = connection.password().replace("\\", "\\\\").replace(":", "\\:");
    Files.writeString(file, "*:*:*:*:" + escaped + "\n", StandardCharsets.UTF_8);
    return file;
  }

  private static String read(InputStream stream) throws IOException {
    byte[] bytes = stream.readAllBytes();
    String text = new String(bytes, StandardCharsets.UTF_8);
    return text.length() <= MAX_OUTPUT ? text : "..." + text.substring(text.length() - MAX_OUTPUT);
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      System.err.println("nexus: could not delete the temporary password file " + file
          + "; delete it by hand");
    }
  }
}
