package dev.claudenexus.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.claudenexus.config.DatabaseUrl;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh, empty database for one test class: an in-memory H2 database, or a PostgreSQL database
 * created on the server named by {@value #URL_VARIABLE} and dropped again by {@link #close}.
 */
public final class TestDatabase implements AutoCloseable {

  /** Environment variable with the PostgreSQL server, as {@code postgresql://user@host:port/db}. */
  public static final String URL_VARIABLE = "NEXUS_TEST_DATABASE_URL";

  private final DataSource dataSource;
  private final String dropStatement;
  private final DataSource adminDataSource;

  private TestDatabase(DataSource dataSource, DataSource adminDataSource, String dropStatement) {
    this.dataSource = dataSource;
    this.adminDataSource = adminDataSource;
    this.dropStatement = dropStatement;
  }

  /** Creates an in-memory H2 database that lives until {@link #close}. */
  public static TestDatabase h2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:nexus_ut_" + randomSuffix() + ";DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    return new TestDatabase(h2, h2, "SHUTDOWN");
  }

  /**
   * Creates a PostgreSQL database named {@code nexus_ut_<random>}; skips the calling test through a
   * JUnit assumption when {@value #URL_VARIABLE} is unset.
   */
  public static TestDatabase postgres() throws SQLException {
    return postgres("nexus_ut_");
  }

  /**
   * Creates a PostgreSQL database named {@code <namePrefix><random>}, as {@link #postgres()} does.
   * The prefix must be a lower-case SQL identifier.
   */
  public static TestDatabase postgres(String namePrefix) throws SQLException {
    String url = System.getenv(URL_VARIABLE);
    assumeTrue(url != null && !url.isBlank(), URL_VARIABLE + " is not set; PostgreSQL tests skipped");
    DatabaseUrl server = DatabaseUrl.parse(url);
    String name = namePrefix + randomSuffix();

    PGSimpleDataSource admin = postgresDataSource(server, server.database());
    try (Connection connection = admin.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    }
    return new TestDatabase(
        postgresDataSource(server, name), admin, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  /** Returns a data source for PostgreSQL as the server configuration builds it. */
  public static PGSimpleDataSource postgresDataSource(DatabaseUrl server, String database) {
    PGSimpleDataSource source = new PGSimpleDataSource();
    source.setServerNames(new String[] {server.host()});
    source.setPortNumbers(new int[] {server.port()});
    source.setDatabaseName(database);
    source.setUser(server.user());
    if (!server.password().isEmpty()) {
      source.setPassword(server.password());
    }
    source.setStringType("unspecified");
    source.setConnectTimeout(5);
    return source;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() throws SQLException {
    try (Connection connection = adminDataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(dropStatement);
    }
  }

  private static String randomSuffix() {
    byte[] bytes = new byte[6];
    ThreadLocalRandom.current().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
