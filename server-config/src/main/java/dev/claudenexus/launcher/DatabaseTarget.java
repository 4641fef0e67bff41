package dev.claudenexus.launcher;

import dev.claudenexus.config.DatabaseUrl;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database that a command reads or writes: its data source, a description without credentials
 * for messages, and the passwords that messages must not repeat.
 */
record DatabaseTarget(DataSource dataSource, String description, List<String> secrets) {

  /** Maximum length of a database URL on the command line, in characters. */
  static final int MAX_URL_LENGTH = 2048;

  /** Seconds to wait for a PostgreSQL server to accept a connection. */
  private static final int CONNECT_TIMEOUT_SECONDS = 10;

  private static final Pattern URL_PASSWORD = Pattern.compile("(?i)password=([^;&]*)");
  private static final String FORMS = "a PostgreSQL URL (postgresql://user:password@host:5432/database"
      + " or jdbc:postgresql://host:5432/database?user=...&password=...) or an H2 JDBC URL"
      + " (jdbc:h2:file:/path/to/database)";

  /** Returns the database the services use, as {@code settings} configure it. */
  static DatabaseTarget of(DatabaseSettings settings) {
    List<String> secrets = new ArrayList<>();
    String password = settings.properties().get("password");
    if (settings.isPostgres() && password != null && !password.equals(DatabaseSettings.EMPTY_PASSWORD)) {
      secrets.add(password);
    }
    // A JDBC URL's parameters may carry a password, so only the part before them is shown.
    String description = settings.description().split("[?;]", 2)[0];
    return new DatabaseTarget(RelinkCommand.dataSource(settings), description, List.copyOf(secrets));
  }

  /**
   * Parses a database URL given as the value of {@code option}.
   *
   * @throws IllegalArgumentException naming the option and what is wrong, never the password
   */
  static DatabaseTarget parse(String option, String value) {
    if (value.length() > MAX_URL_LENGTH) {
      throw new IllegalArgumentException(option + " is " + value.length() + " characters long; give"
          + " a URL of at most " + MAX_URL_LENGTH + " characters");
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(option + " contains control characters; give " + FORMS);
    }
    if (value.startsWith("postgresql://") || value.startsWith("postgres://")) {
      return postgres(option, value);
    }
    if (value.startsWith("jdbc:postgresql://")) {
      return jdbcPostgres(option, value);
    }
    if (value.startsWith("jdbc:h2:")) {
      return h2(value);
    }
    throw new IllegalArgumentException(option + " must be " + FORMS + ", not \""
        + Redaction.shown(value) + "\"");
  }

  /**
   * Returns an H2 database. User and password come from the URL's {@code USER} and {@code PASSWORD}
   * settings, by default those of the proxy's embedded database.
   */
  private static DatabaseTarget h2(String value) {
    String user = DatabaseSettings.H2_USER;
    String password = DatabaseSettings.H2_PASSWORD;
    StringBuilder url = new StringBuilder();
    String[] parts = value.split(";");
    url.append(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      String upper = parts[i].toUpperCase(Locale.ROOT);
      if (upper.startsWith("USER=")) {
        user = parts[i].substring("USER=".length());
      } else if (upper.startsWith("PASSWORD=")) {
        password = parts[i].substring("PASSWORD=".length());
      } else {
        url.append(';').append(parts[i]);
      }
    }
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL(url.toString());
    h2.setUser(user);
    h2.setPassword(password);
    return new DatabaseTarget(h2, parts[0], urlPasswords(value));
  }

  private static DatabaseTarget postgres(String option, String value) {
    DatabaseUrl url;
    try {
      url = DatabaseUrl.parse(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage().replace("DATABASE_URL", option));
    }

    PGSimpleDataSource pg = new PGSimpleDataSource();
    pg.setServerNames(new String[] {url.host()});
    pg.setPortNumbers(new int[] {url.port()});
    pg.setDatabaseName(url.database());
    pg.setUser(url.user());
    if (!url.password().isEmpty()) {
      pg.setPassword(url.password());
    }
    try {
      for (Map.Entry<String, String> parameter : url.parameters().entrySet()) {
        pg.setProperty(parameter.getKey(), parameter.getValue());
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalArgumentException(option + " has a query parameter that the PostgreSQL driver"
          + " does not know; remove it or use one such as sslmode=require");
    }
    configure(pg);

    List<String> secrets = new ArrayList<>(urlPasswords(value));
    if (!url.password().isEmpty()) {
      secrets.add(url.password());
    }
    String description = "postgresql://" + url.user() + "@" + url.host() + ":" + url.port() + "/"
        + url.database();
    return new DatabaseTarget(pg, description, List.copyOf(secrets));
  }

  private static DatabaseTarget jdbcPostgres(String option, String value) {
    PGSimpleDataSource pg = new PGSimpleDataSource();
    try {
      pg.setURL(value);
    } catch (IllegalArgumentException e) {
      // The driver's message repeats the whole URL, password included.
      throw new IllegalArgumentException(option + " is not a valid PostgreSQL JDBC URL; give " + FORMS);
    }
    configure(pg);
    return new DatabaseTarget(pg, value.split("\\?", 2)[0], urlPasswords(value));
  }

  private static void configure(PGSimpleDataSource pg) {
    // JSON columns receive text, which PostgreSQL converts when the parameter type is left open.
    pg.setStringType("unspecified");
    pg.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
    pg.setLoginTimeout(CONNECT_TIMEOUT_SECONDS);
  }

  private static List<String> urlPasswords(String value) {
    List<String> passwords = new ArrayList<>();
    Matcher matcher = URL_PASSWORD.matcher(value);
    while (matcher.find()) {
      if (!matcher.group(1).isEmpty()) {
        passwords.add(matcher.group(1));
      }
    }
    return passwords;
  }
}
