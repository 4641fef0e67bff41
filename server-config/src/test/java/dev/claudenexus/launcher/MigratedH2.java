package dev.claudenexus.launcher;

import dev.claudenexus.schema.SchemaMigrator;
import java.sql.SQLException;
import org.h2.jdbcx.JdbcDataSource;

/** In-memory H2 databases with the application's schema, for the command tests. */
final class MigratedH2 {

  private MigratedH2() {}

  /** Returns a data source for {@code url}, user and password {@code nexus}, after migrating it. */
  static JdbcDataSource at(String url) throws SQLException {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL(url);
    h2.setUser("nexus");
    h2.setPassword("nexus");
    SchemaMigrator.migrate(h2);
    return h2;
  }
}
