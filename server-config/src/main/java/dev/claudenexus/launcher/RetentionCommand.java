package dev.claudenexus.launcher;

import dev.claudenexus.audit.AuditRepository;
import dev.claudenexus.audit.AuditRetention;
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
 * {@code bin/nexus retention}: applies {@code RETENTION_BODY_DAYS}, {@code RETENTION_DAYS} and
 * {@code AUDIT_RETENTION_DAYS} now, to the end, as the proxy does every day at {@code
 * RETENTION_HOUR}.
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
    int auditDays = AuditRetention.parseDays(env.get("AUDIT_RETENTION_DAYS").orElse(null));
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
    if (bodyDays.isEmpty() && requestDays.isEmpty()) {
      out.println("Neither RETENTION_BODY_DAYS nor RETENTION_DAYS is set, so every request is kept.");
    } else {
      RetentionCleaner.Result result = new RetentionCleaner(dataSource, vendor,
          new RetentionCleaner.Settings(bodyDays, requestDays, batchSize, Duration.ZERO))
          .run(Instant.now(), () -> true);
      out.printf("Removed the bodies of %d requests and %d whole requests.%n",
          result.bodiesRemoved(), result.requestsDeleted());
    }
    long auditDeleted = new AuditRetention(new AuditRepository(dataSource, vendor), auditDays,
        batchSize, Duration.ZERO).run(Instant.now(), () -> true);
    out.printf("Removed %d audit events older than %d days (AUDIT_RETENTION_DAYS) in %.1f s.%n",
        auditDeleted, auditDays, (System.nanoTime() - start) / 1e9);
    return 0;
  }
}
