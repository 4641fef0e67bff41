package dev.claudenexus.schema;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.claudenexus.testing.TestDatabase;
import java.sql.SQLException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class SchemaMigratorH2Test extends SchemaMigratorContract {

  @Override
  TestDatabase openDatabase() {
    return TestDatabase.h2();
  }

  @Override
  DatabaseVendor expectedVendor() {
    return DatabaseVendor.H2;
  }

  @Test
  void unreachableDatabaseThrowsSqlException() {
    JdbcDataSource missing = new JdbcDataSource();
    missing.setURL("jdbc:h2:mem:unused;IFEXISTS=TRUE");

    assertThrows(SQLException.class, () -> SchemaMigrator.migrate(missing));
  }
}
