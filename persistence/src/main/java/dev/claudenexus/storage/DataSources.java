package dev.claudenexus.storage;

import java.sql.SQLException;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/** Looks up the application's data source, {@code jdbc/nexus}, which the server configuration binds. */
public final class DataSources {

  /** JNDI name of the pool created by the server configuration. */
  public static final String JNDI_NAME = "jdbc/nexus";

  private DataSources() {}

  /**
   * Returns the data source.
   *
   * @throws SQLException when it is not bound, with the naming error as the cause
   */
  public static DataSource nexus() throws SQLException {
    try {
      return (DataSource) new InitialContext().lookup(JNDI_NAME);
    } catch (NamingException e) {
      throw new SQLException("The data source " + JNDI_NAME + " is not available: " + e, "08001", e);
    }
  }
}
