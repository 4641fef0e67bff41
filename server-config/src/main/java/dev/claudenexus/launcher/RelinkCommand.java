package dev.claudenexus.launcher;

import dev.claudenexus.conversation.HashMode;
import dev.claudenexus.storage.Relinker;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@code bin/nexus relink}: recomputes the hashes and links of stored requests in the database the
 * proxy uses, with a progress bar on standard error.
 */
final class RelinkCommand {

  private static final int DEFAULT_BATCH_SIZE = 500;
  private static final int MAX_BATCH_SIZE = 10_000;

  private final Environment env;
  private final Path home;

  RelinkCommand(Environment env, Path home) {
    this.env = env;
    this.home = home;
  }

  int run(Map<String, String> options, PrintStream out) throws SQLException {
    HashMode mode = HashMode.parse(options.getOrDefault("--mode",
        env.get("CONVERSATION_HASH_MODE", HashMode.CURRENT.label())));
    Relinker.Options relink = new Relinker.Options(mode, since(options.get("--since")),
        domain(options.get("--domain")), batchSize(options.get("--batch-size")));
    DatabaseSettings settings = DatabaseSettings.from(env, home.resolve("data"));
    // Flyway and the driver log every step at INFO, which would bury the progress bar.
    Logger.getLogger("").setLevel(Level.WARNING);
    for (Handler handler : Logger.getLogger("").getHandlers()) {
      handler.setLevel(Level.WARNING);
    }
    // A JDBC URL's parameters may carry a password, so only the part before them is printed.
    String database = settings.description().split("\\?", 2)[0];
    out.println("Relinking stored requests in " + database + " with " + mode.label()
        + " hashes" + (relink.since() == null ? "" : " since " + relink.since())
        + (relink.domain() == null ? "" : " for " + relink.domain()));
    ProgressBar bar = new ProgressBar(out, System.console() != null);
    long relinked = new Relinker(dataSource(settings)).run(relink, bar::update);
    bar.finish();
    out.println("Relinked " + relinked + " requests.");
    return 0;
  }

  static Instant since(String value) {
    if (value == null) {
      return null;
    }
    try {
      return value.contains("T") ? Instant.parse(value)
          : LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("--since must be a date (2026-11-30) or a UTC time"
          + " (2026-11-30T08:00:00Z), not \"" + value + "\"");
    }
  }

  private static String domain(String value) {
    return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
  }

  static int batchSize(String value) {
    if (value == null) {
      return DEFAULT_BATCH_SIZE;
    }
    try {
      int size = Integer.parseInt(value.strip());
      if (size >= 1 && size <= MAX_BATCH_SIZE) {
        return size;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("--batch-size must be a number from 1 to " + MAX_BATCH_SIZE);
  }

  /** Pool properties that {@link #dataSource} sets through their own setters. */
  private static final Set<String> CONNECTION_PROPERTIES =
      Set.of("url", "serverName", "portNumber", "databaseName", "user", "password");

  /** Returns a data source without a pool for the database of {@code settings}. */
  static DataSource dataSource(DatabaseSettings settings) {
    Map<String, String> p = settings.properties();
    if (!settings.isPostgres()) {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL(p.get("URL"));
      h2.setUser(p.get("user"));
      h2.setPassword(p.get("password"));
      return h2;
    }
    PGSimpleDataSource pg = new PGSimpleDataSource();
    if (p.containsKey("url")) {
      pg.setURL(p.get("url"));
    } else {
      pg.setServerNames(new String[] {p.get("serverName")});
      pg.setPortNumbers(new int[] {Integer.parseInt(p.get("portNumber"))});
      pg.setDatabaseName(p.get("databaseName"));
    }
    pg.setUser(p.get("user"));
    String password = p.get("password");
    if (password != null && !password.equals(DatabaseSettings.EMPTY_PASSWORD)) {
      pg.setPassword(password);
    }
    // The rest are driver properties, such as the query parameters of DATABASE_URL (sslmode).
    for (Map.Entry<String, String> property : p.entrySet()) {
      if (!CONNECTION_PROPERTIES.contains(property.getKey())) {
        setDriverProperty(pg, property.getKey(), property.getValue());
      }
    }
    return pg;
  }

  private static void setDriverProperty(PGSimpleDataSource pg, String name, String value) {
    try {
      pg.setProperty(name, value);
    } catch (SQLException e) {
      throw new IllegalArgumentException("The PostgreSQL driver has no property named " + name
          + "; remove it from the query of DATABASE_URL", e);
    }
  }
}
