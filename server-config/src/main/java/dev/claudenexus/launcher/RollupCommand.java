package dev.claudenexus.launcher;

import dev.claudenexus.rollup.UsageRollups;
import dev.claudenexus.schema.DatabaseVendor;
import dev.claudenexus.schema.SchemaMigrator;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * {@code bin/nexus rebuild-rollups}: fills the rollup tables again from every stored request, for
 * requests that reached the database without the storage writer, such as an import with SQL.
 */
final class RollupCommand {

  private final Environment env;
  private final Path home;

  RollupCommand(Environment env, Path home) {
    this.env = env;
    this.home = home;
  }

  int run(PrintStream out) throws SQLException {
    DatabaseSettings settings = DatabaseSettings.from(env, home.resolve("data"));
    // Flyway and the driver log every step at INFO, which would bury the result line.
    Logger.getLogger("").setLevel(Level.WARNING);
    for (Handler handler : Logger.getLogger("").getHandlers()) {
      handler.setLevel(Level.WARNING);
    }
    DataSource dataSource = RelinkCommand.dataSource(settings);
    DatabaseVendor vendor = SchemaMigrator.migrate(dataSource);
    // A JDBC URL's parameters may carry a password, so only the part before them is printed.
    out.println("Rebuilding the usage rollups in " + settings.description().split("\\?", 2)[0]);
    long start = System.nanoTime();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      // One transaction: a proxy that stores requests meanwhile waits for it, then adds its own.
      new UsageRollups(vendor).rebuildAll(connection);
      connection.commit();
    }
    out.printf("Rebuilt the usage rollups in %.1f s.%n", (System.nanoTime() - start) / 1e9);
    return 0;
  }
}
