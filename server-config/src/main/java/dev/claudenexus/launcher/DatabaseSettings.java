package dev.claudenexus.launcher;

import dev.claudenexus.config.DatabaseUrl;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The database a service uses: PostgreSQL from {@code DATABASE_URL} (the original's form) or from
 * {@code DATABASE_JDBC_URL} with {@code DATABASE_USER} and {@code DATABASE_PASSWORD}; otherwise an
 * embedded H2 file database under {@code NEXUS_HOME/data} that both services share through H2's
 * automatic server mode on loopback.
 */
record DatabaseSettings(String dataSourceClass, Map<String, String> properties, String description) {

  static final String POOL = "NexusPool";
  static final String JNDI_NAME = "jdbc/nexus";

  /**
   * asadmin's notation for an empty password. The pool needs a password property even for trust
   * authentication, or Payara refuses to create connections ("No password credential found").
   */
  static final String EMPTY_PASSWORD = "()";

  /**
   * Credentials of the embedded H2 database. It is a local file readable only through loopback, so a
   * fixed password protects nothing; it exists because the pool requires one.
   */
  static final String H2_USER = "nexus";

  static final String H2_PASSWORD = "nexus";

  static DatabaseSettings from(Environment env, Path dataDirectory) {
    if (env.get("DATABASE_URL").isPresent()) {
      return postgres(DatabaseUrl.parse(env.get("DATABASE_URL").get()));
    }
    if (env.get("DATABASE_JDBC_URL").isPresent()) {
      String jdbcUrl = env.get("DATABASE_JDBC_URL").get();
      if (jdbcUrl.startsWith("jdbc:h2:")) {
        return h2(jdbcUrl, env.get("DATABASE_USER", H2_USER), env.get("DATABASE_PASSWORD", H2_PASSWORD));
      }
      if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
        throw new IllegalArgumentException("DATABASE_JDBC_URL must start with jdbc:postgresql:// or"
            + " jdbc:h2: (the embedded H2 database is used when it is unset)");
      }
      Map<String, String> properties = new LinkedHashMap<>();
      properties.put("url", jdbcUrl);
      properties.put("user", env.get("DATABASE_USER", "postgres"));
      properties.put("password", env.get("DATABASE_PASSWORD", EMPTY_PASSWORD));
      properties.put("stringtype", "unspecified");
      properties.put("reWriteBatchedInserts", "true");
      return new DatabaseSettings("org.postgresql.ds.PGSimpleDataSource", properties, jdbcUrl);
    }
    // WRITE_DELAY=0 makes H2 write a transaction's pages in the thread that commits it, not in
    // its background writer. With H2 2.2.224, an OutOfMemoryError in that background thread left
    // the file unreadable ("File corrupted in chunk") in 3 of 6 runs of a 64 MiB heap filled while
    // committing. In the committing thread the same error failed only that commit, in 6 of 6.
    String url = "jdbc:h2:file:" + dataDirectory.resolve("nexus").toAbsolutePath()
        + ";AUTO_SERVER=TRUE;DB_CLOSE_DELAY=-1;WRITE_DELAY=0";
    return h2(url, H2_USER, H2_PASSWORD);
  }

  /** Returns an H2 pool: the embedded file database, or an H2 server named by its JDBC URL. */
  private static DatabaseSettings h2(String url, String user, String password) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("URL", url);
    properties.put("user", user);
    properties.put("password", password);
    return new DatabaseSettings("org.h2.jdbcx.JdbcDataSource", properties, url);
  }

  private static DatabaseSettings postgres(DatabaseUrl url) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("serverName", url.host());
    properties.put("portNumber", Integer.toString(url.port()));
    properties.put("databaseName", url.database());
    properties.put("user", url.user());
    properties.put("password", url.password().isEmpty() ? EMPTY_PASSWORD : url.password());
    properties.put("stringtype", "unspecified");
    // The storage writer's batches become multi-row inserts: fewer round trips per batch.
    properties.put("reWriteBatchedInserts", "true");
    url.parameters().forEach(properties::put);
    return new DatabaseSettings("org.postgresql.ds.PGSimpleDataSource", properties, url.jdbcUrl());
  }

  boolean isPostgres() {
    return dataSourceClass.startsWith("org.postgresql");
  }

  /**
   * Returns the asadmin commands that create the pool and its JNDI resource, and that move the batch
   * job repository from Payara's temporary H2 database into this one, so a restart can resume the
   * analysis job. Payara creates the batch tables there at the first job.
   */
  List<String> asadminCommands() {
    return asadminArguments().stream().map(AsadminSyntax::command).toList();
  }

  /** Returns the arguments of each command of {@link #asadminCommands}, before quoting. */
  List<List<String>> asadminArguments() {
    List<String> options = new ArrayList<>(List.of(
        "create-jdbc-connection-pool",
        "--datasourceclassname", dataSourceClass,
        "--restype", "javax.sql.DataSource",
        "--steadypoolsize", "2",
        "--maxpoolsize", "32"));
    // Connections are validated before use, and a failed one empties the pool, so the pool recovers
    // by itself after the database was away.
    if (isPostgres()) {
      options.addAll(List.of(
          "--isconnectvalidatereq", "true",
          "--validationmethod", "custom-validation",
          "--validationclassname", "org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
          "--failconnection", "true"));
    } else {
      options.addAll(List.of(
          "--isconnectvalidatereq", "true",
          "--validationmethod", "table",
          "--validationtable", "INFORMATION_SCHEMA.SCHEMATA",
          "--failconnection", "true"));
    }
    options.add("--property");
    options.add(AsadminSyntax.properties(properties));
    options.add(POOL);
    return List.of(
        options,
        List.of("create-jdbc-resource", "--connectionpoolid", POOL, JNDI_NAME),
        List.of("set-batch-runtime-configuration", "--datasourcelookupname", JNDI_NAME));
  }
}
