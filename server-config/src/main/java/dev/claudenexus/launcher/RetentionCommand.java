package dev.claudenexus.launcher;

import dev.claudenexus.retention.RetentionCleaner;
import dev.claudenexus.schema.DatabaseVendor;
import dev.claudenexus.schema.SchemaMigrator;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * {@code bin/nexus retention}: applies {@code RETENTION_BODY_DAYS} and {@code RETENTION_DAYS} now,
 * to the end, as the proxy does every day at {@code RETENTION_HOUR}.
 */
final class RetentionCommand {

  private final Environment env;
  private final Path home;

  RetentionCommand(Environment env, Path home) {
    this.env = env;
    this.home = home;
  }

  int run(PrintStream out) throws SQLException, InterruptedException {
    ServiceLaunch.validateRetention(env);
    Optional<Integer> bodyDays = env.get("RETENTION_BODY_DAYS").map(Integer::parseInt);
    Optional<Integer> requestDays = env.get("RETENTION_DAYS").map(Integer::parseInt);
    if (bodyDays.isEmpty() && requestDays.isEmpty()) {
      throw new IllegalArgumentException("Neither RETENTION_BODY_DAYS nor RETENTION_DAYS is set, so"
          + " nothing is due; set one of them (in days) in the environment or in .env");
    }
    DatabaseSettings settings = DatabaseSettings.from(env, home.resolve("data"));
    // Flyway and the driver log every step at INFO, which would bury the result line.
    Logger.getLogger("").setLevel(Level.WARNING);
    for (Handler handler : Logger.getLogger("").getHandlers()) {
      handler.setLevel(Level.WARNING);
    }
    DataSource dataSource = RelinkCommand.dataSource(settings);
    DatabaseVendor vendor = SchemaMigrator.migrate(dataSource);
    int batchSize = env.integer("RETENTION_BATCH_SIZE", 1000, 1, 100_000);
    long start = System.nanoTime();
    RetentionCleaner.Result result = new RetentionCleaner(dataSource, vendor,
        new RetentionCleaner.Settings(bodyDays, requestDays, batchSize, Duration.ZERO))
        .run(Instant.now(), () -> true);
    out.printf("Removed the bodies of %d requests and %d whole requests in %.1f s.%n",
        result.bodiesRemoved(), result.requestsDeleted(), (System.nanoTime() - start) / 1e9);
    return 0;
  }
}
