package dev.claudenexus.launcher;

import dev.claudenexus.config.DatabaseUrl;
import java.util.Map;

/**
 * The connection settings of the PostgreSQL database the services use, in the form that the
 * PostgreSQL client programs ({@code pg_dump}, {@code pg_restore}) read from their environment.
 */
record PostgresConnection(String host, int port, String database, String user, String password,
    String sslMode) {

  /**
   * Returns the settings of {@code settings}, which must name PostgreSQL.
   *
   * @throws IllegalArgumentException when a {@code DATABASE_JDBC_URL} is not of the form
   *     {@code jdbc:postgresql://host:port/database}
   */
  static PostgresConnection of(DatabaseSettings settings) {
    Map<String, String> p = settings.properties();
    String password = p.get("password");
    if (password == null || password.equals(DatabaseSettings.EMPTY_PASSWORD)) {
      password = "";
    }
    if (!p.containsKey("url")) {
      return new PostgresConnection(p.get("serverName"), Integer.parseInt(p.get("portNumber")),
          p.get("databaseName"), p.get("user"), password, p.get("sslmode"));
    }
    DatabaseUrl url;
    try {
      url = DatabaseUrl.parse(p.get("url").substring("jdbc:".length()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("DATABASE_JDBC_URL is not of the form"
          + " jdbc:postgresql://host:port/database, which backup and restore need; set DATABASE_URL"
          + " instead, or run pg_dump yourself as docs/backup.md describes");
    }
    return new PostgresConnection(url.host(), url.port(), url.database(), p.get("user"), password,
        url.parameters().get("sslmode"));
  }

  /** Returns the database as messages show it, without the password. */
  String description() {
    return "postgresql://" + user + "@" + host + ":" + port + "/" + database;
  }

  /**
   * Returns the environment of a client program: libpq's variables for host, port, database, user
   * and SSL mode. The password goes into a password file, see {@link PostgresClient}.
   */
  Map<String, String> environment() {
    Map<String, String> env = new java.util.HashMap<>(Map.of("PGHOST", host,
        "PGPORT", Integer.toString(port), "PGDATABASE", database, "PGUSER", user,
        "PGCONNECT_TIMEOUT", "10"));
    if (sslMode != null) {
      env.put("PGSSLMODE", sslMode);
    }
    return env;
  }
}
