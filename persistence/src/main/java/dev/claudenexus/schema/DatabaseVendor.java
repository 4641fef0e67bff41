package dev.claudenexus.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** The databases the product runs on; each has its own migration folder and SQL dialect. */
public enum DatabaseVendor {
  H2("h2"),
  POSTGRESQL("postgresql");

  private final String migrationFolder;

  DatabaseVendor(String migrationFolder) {
    this.migrationFolder = migrationFolder;
  }

  /** Returns the Flyway location of this vendor's migrations. */
  public String migrationLocation() {
    return "classpath:db/migration/" + migrationFolder;
  }

  /**
   * Detects the vendor of an open connection.
   *
   * @throws SQLException when the database is neither H2 nor PostgreSQL
   */
  public static DatabaseVendor of(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    if (product.contains("h2")) {
      return H2;
    }
    if (product.contains("postgres")) {
      return POSTGRESQL;
    }
    throw new SQLException("Unsupported database " + product + "; use PostgreSQL or H2");
  }
}
