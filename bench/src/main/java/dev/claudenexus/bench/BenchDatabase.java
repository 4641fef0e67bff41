package dev.claudenexus.bench;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The database behind one proxy: the H2 file under NEXUS_HOME, or a fresh PostgreSQL database that
 * {@link #close} drops again. The benchmark reads it over JDBC to count stored requests.
 */
final class BenchDatabase implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(BenchDatabase.class.getName());

  final String vendor;
  private final String jdbcUrl;
  private final String user;
  private final String password;
  private final String adminUrl;
  private final String name;
  private final String host;
  private final int port;
  private final Path h2LockFile;

  private BenchDatabase(String vendor, String jdbcUrl, String user, String password, String adminUrl,
      String name, String host, int port, Path h2LockFile) {
    this.vendor = vendor;
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.password = password;
    this.adminUrl = adminUrl;
    this.name = name;
    this.host = host;
    this.port = port;
    this.h2LockFile = h2LockFile;
  }

  /** Returns the H2 database that a proxy started with this NEXUS_HOME and no DATABASE_URL creates. */
  static BenchDatabase h2(Path home) {
    String url = "jdbc:h2:file:" + home.resolve("data/nexus") + ";AUTO_SERVER=TRUE;DB_CLOSE_DELAY=-1";
    return new BenchDatabase("H2", url, "nexus", "nexus", null, null, null, 0,
        home.resolve("data/nexus.lock.db"));
  }

  /** Creates an empty PostgreSQL database with a random name, which {@link #close} drops. */
  static BenchDatabase freshPostgres(String host, int port, String user) throws SQLException {
    return freshPostgres(host, port, user, "nexus_bench_");
  }

  /**
   * Creates an empty PostgreSQL database named {@code prefix} and 12 random hex digits, which
   * {@link #close} drops.
   */
  static BenchDatabase freshPostgres(String host, int port, String user, String prefix)
      throws SQLException {
    String adminUrl = "jdbc:postgresql://" + host + ":" + port + "/postgres";
    String name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection admin = DriverManager.getConnection(adminUrl, user, null);
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    }
    LOG.info(() -> "Created the PostgreSQL database " + name);
    String url = "jdbc:postgresql://" + host + ":" + port + "/" + name;
    return new BenchDatabase("PostgreSQL", url, user, null, adminUrl, name, host, port, null);
  }

  /** Opens an existing PostgreSQL database, which {@link #close} leaves in place. */
  static BenchDatabase existingPostgres(String host, int port, String user, String name) {
    String url = "jdbc:postgresql://" + host + ":" + port + "/" + name;
    return new BenchDatabase("PostgreSQL", url, user, null, null, name, host, port, null);
  }

  /** Returns the database name, or null for H2. */
  String name() {
    return name;
  }

  /** Returns a data source for this PostgreSQL database, as the schema migration needs one. */
  DataSource postgresDataSource() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(jdbcUrl);
    dataSource.setUser(user);
    return dataSource;
  }

  /** Returns the proxy's settings for this database: {@code DATABASE_URL} for PostgreSQL, none for H2. */
  Map<String, String> proxySettings() {
    if (name == null) {
      return Map.of();
    }
    return Map.of("DATABASE_URL", "postgresql://" + user + "@" + host + ":" + port + "/" + name);
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, user, password);
  }

  long countRequests() throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM api_requests")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /**
   * Polls the row count of {@code api_requests} until it reaches {@code expected} or stops growing
   * for {@code quiet}, and returns the last count.
   */
  long awaitRequestCount(long expected, Duration quiet, Duration limit)
      throws SQLException, InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    long last = -1;
    long lastChange = System.nanoTime();
    while (true) {
      long count = countRequests();
      if (count >= expected) {
        return count;
      }
      if (count != last) {
        last = count;
        lastChange = System.nanoTime();
      } else if (System.nanoTime() - lastChange > quiet.toNanos()) {
        return count;
      }
      if (System.nanoTime() > deadline) {
        return count;
      }
      Thread.sleep(100);
    }
  }

  /**
   * Returns the CPU time, in milliseconds, that the PostgreSQL server processes serving this database
   * have used so far, by server process id, from {@code /proc/PID/stat}. The server must run on this
   * machine. Returns an empty map for H2, which runs inside the proxy.
   */
  Map<Long, Long> backendCpuMillis() throws SQLException, IOException {
    if (name == null) {
      return Map.of();
    }
    Map<Long, Long> cpu = new HashMap<>();
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
      while (rows.next()) {
        long pid = rows.getLong(1);
        try {
          cpu.put(pid, ProcStat.cpuMillis(pid));
        } catch (NoSuchFileException e) {
          LOG.fine(() -> "Server process " + pid + " ended before its CPU time was read");
        }
      }
    }
    return cpu;
  }

  /** Returns the CPU time used between two {@link #backendCpuMillis} readings, counting new processes whole. */
  static long cpuMillisBetween(Map<Long, Long> before, Map<Long, Long> after) {
    long total = 0;
    for (Map.Entry<Long, Long> process : after.entrySet()) {
      total += process.getValue() - before.getOrDefault(process.getKey(), 0L);
    }
    return total;
  }

  /** Waits until the proxy has migrated the schema, so that {@code api_requests} has its newest column. */
  void awaitSchema(Duration limit) throws SQLException, InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    // With AUTO_SERVER, whichever process opens an H2 file first serves it to the others. Waiting for
    // the proxy's lock file keeps the benchmark from becoming the proxy's database server.
    while (h2LockFile != null && !java.nio.file.Files.exists(h2LockFile)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("The proxy did not open its H2 database " + jdbcUrl + " within " + limit);
      }
      Thread.sleep(200);
    }
    String query = "SELECT count(*) FROM information_schema.columns"
        + " WHERE lower(table_name) = 'api_requests' AND lower(column_name) = 'upstream_attempts'";
    while (System.nanoTime() < deadline) {
      try (Connection connection = connect();
          Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery(query)) {
        rows.next();
        if (rows.getLong(1) > 0) {
          return;
        }
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("The proxy did not create api_requests in " + jdbcUrl + " within " + limit);
  }

  /** Drops the PostgreSQL database. For H2 it does nothing, because the file is deleted with NEXUS_HOME. */
  @Override
  public void close() throws SQLException {
    if (adminUrl == null) {
      return;
    }
    try (Connection admin = DriverManager.getConnection(adminUrl, user, null);
        Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
    LOG.info(() -> "Dropped the PostgreSQL database " + name);
  }

  @Override
  public String toString() {
    return vendor + (name == null ? " " + jdbcUrl : " database " + name);
  }
}
