package dev.claudenexus.api.testing;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the query tests that every supported database must pass: one database per test class,
 * emptied before each test. Subclasses name the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class QueryContract {

  protected QueryDatabase database;

  protected abstract QueryDatabase openDatabase() throws SQLException;

  @BeforeAll
  protected void openDatabaseOnce() throws SQLException {
    database = openDatabase();
  }

  @AfterAll
  protected void closeDatabase() throws SQLException {
    if (database != null) {
      database.close();
    }
  }

  @BeforeEach
  protected void emptyDatabase() throws SQLException {
    database.clear();
  }
}
