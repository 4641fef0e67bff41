package dev.claudenexus.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The backup and restore procedure for the configured database, as {@code bin/nexus backup} and
 * {@code bin/nexus restore} print it, with what lives outside the database: credential files, the
 * OAuth token encryption key, {@code .env} and the storage journal. It never prints a password.
 */
final class BackupGuide {

  private final Environment env;
  private final Path home;
  private final DatabaseSettings settings;

  BackupGuide(Environment env, Path home, DatabaseSettings settings) {
    this.env = env;
    this.home = home;
    this.settings = settings;
  }

  /** Returns the directory of the credential files, as the services resolve CREDENTIALS_DIR. */
  Path credentialsDirectory() {
    return Path.of(env.get("CREDENTIALS_DIR", "credentials")).toAbsolutePath().normalize();
  }

  Path journalDirectory() {
    return home.resolve("data").resolve("journal");
  }

  void print(PrintStream out) {
    if (settings.isPostgres()) {
      printPostgres(out);
    } else {
      printH2(out);
    }
    out.println();
    printReminders(out);
  }

  private void printPostgres(PrintStream out) {
    PostgresConnection c = PostgresConnection.of(settings);
    out.println("Database: PostgreSQL " + c.description());
    out.println();
    out.println("Back up (the services may keep running; pg_dump reads one consistent snapshot):");
    out.println("  bin/nexus backup --dest DIR");
    out.println("      runs pg_dump --format=custom with these settings and copies the credential files");
    out.println("  or by hand, with the password in ~/.pgpass or typed at the prompt:");
    out.println("  pg_dump --format=custom -h " + c.host() + " -p " + c.port() + " -U " + c.user()
        + " -d " + c.database() + " -f nexus.dump");
    out.println();
    out.println("Restore (replaces every table of the database with the backup's):");
    out.println("  1. Stop every proxy and dashboard that uses the database: bin/nexus stop on each host.");
    out.println("  2. bin/nexus restore --from DIR/nexus-backup-STAMP/" + BackupCommand.POSTGRES_FILE);
    out.println("      runs pg_restore --clean --if-exists --no-owner --single-transaction, and stops");
    out.println("      with an error while another session uses the database");
    out.println("  3. Copy the credential files back if they were lost, then bin/nexus start.");
  }

  private void printH2(PrintStream out) {
    H2Database h2 = H2Database.of(settings);
    out.println("Database: H2 file " + h2.file());
    out.println();
    out.println("Back up (the services may keep running):");
    out.println("  bin/nexus backup --dest DIR");
    out.println("      writes an online backup with H2's BACKUP TO, which copies the database with its");
    out.println("      transaction log, and copies the credential files");
    out.println("  or, while the services are stopped, copy " + h2.file());
    out.println();
    out.println("Restore:");
    out.println("  1. bin/nexus stop");
    out.println("  2. bin/nexus restore --from DIR/nexus-backup-STAMP/" + BackupCommand.H2_FILE);
    out.println("      keeps the current file beside it as " + h2.name() + ".mv.db.before-restore-STAMP");
    out.println("  3. Copy the credential files back if they were lost, then bin/nexus start.");
  }

  /** Prints what a database backup leaves out, with the current state of each. */
  void printReminders(PrintStream out) {
    out.println("Keep these apart from the database backup:");
    out.println("  - Credential files in " + credentialsDirectory()
        + " (API keys and OAuth tokens; bin/nexus backup --dest copies them).");
    boolean key = env.get("OAUTH_TOKEN_ENCRYPTION_KEY").isPresent();
    out.println("  - OAUTH_TOKEN_ENCRYPTION_KEY (" + (key ? "set" : "not set") + "): the AES key of the"
        + " OAuth token pairs in the oauth_tokens table.");
    out.println("    It is read from the environment or .env and is not in any backup. Without it those"
        + " rows cannot be decrypted,");
    out.println("    and the proxy uses the pairs in the credential files. Keep it in a secret store, not"
        + " beside the backup.");
    out.println("  - .env in the working directory, which may contain database passwords and API keys.");
    out.println("  - " + journalState());
  }

  private String journalState() {
    Path journal = journalDirectory();
    long pending = size(journal.resolve("pending.jsonl")) + size(journal.resolve("replaying.jsonl"));
    long dead = size(journal.resolve("dead-letter.jsonl"));
    String state = pending == 0
        ? "The storage journal " + journal + " is drained: every recorded request is in the database."
        : "The storage journal " + journal + " contains " + pending + " bytes of requests that are not"
            + " in the database yet, so not in a backup. The proxy writes them once the database"
            + " answers. Back up again after that.";
    return dead == 0 ? state : state + " dead-letter.jsonl (" + dead + " bytes) contains requests"
        + " that the database rejected. Keep it to import them by hand.";
  }

  private static long size(Path file) {
    try {
      return Files.exists(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      return 0;
    }
  }
}
