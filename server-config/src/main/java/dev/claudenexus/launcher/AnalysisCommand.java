package dev.claudenexus.launcher;

import dev.claudenexus.analysis.AnalysisRepository;
import dev.claudenexus.analysis.AnalysisStatus;
import dev.claudenexus.schema.DatabaseVendor;
import dev.claudenexus.schema.SchemaMigrator;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * {@code bin/nexus analysis status | reset-stuck | fail-exceeded}: the operator's view of the AI
 * analyses in the database the services use, and the two repairs of the worker's housekeeping, for
 * when no worker runs.
 */
final class AnalysisCommand {

  private final Environment env;
  private final Path home;

  AnalysisCommand(Environment env, Path home) {
    this.env = env;
    this.home = home;
  }

  int run(String command, Map<String, String> options, PrintStream out) throws SQLException {
    int maxRetries = number(options.get("--max-retries"), "--max-retries",
        env.integer("AI_ANALYSIS_MAX_RETRIES", 3, 1, 100));
    int timeoutMinutes = number(options.get("--older-than-minutes"), "--older-than-minutes",
        env.integer("AI_WORKER_JOB_TIMEOUT_MINUTES", 5, 1, 1440));
    DatabaseSettings settings = DatabaseSettings.from(env, home.resolve("data"));
    quietLogs();
    DataSource dataSource = RelinkCommand.dataSource(settings);
    DatabaseVendor vendor = SchemaMigrator.migrate(dataSource);
    AnalysisRepository repository = new AnalysisRepository(vendor);
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      switch (command) {
        case "status" -> status(repository, connection, out);
        case "reset-stuck" -> {
          List<Long> ids = repository.resetStuck(connection, Duration.ofMinutes(timeoutMinutes), maxRetries);
          connection.commit();
          out.println("Reset " + ids.size() + " analyses processing for more than " + timeoutMinutes
              + " minutes" + (ids.isEmpty() ? "." : ": " + ids));
        }
        case "fail-exceeded" -> {
          List<Long> ids = repository.failExceeded(connection, maxRetries);
          connection.commit();
          out.println("Failed " + ids.size() + " pending analyses with " + maxRetries
              + " or more retries" + (ids.isEmpty() ? "." : ": " + ids));
        }
        default -> throw new IllegalArgumentException("unknown analysis command \"" + command
            + "\"; use status, reset-stuck or fail-exceeded");
      }
    }
    return 0;
  }

  private void status(AnalysisRepository repository, Connection connection, PrintStream out)
      throws SQLException {
    Map<AnalysisStatus, Long> counts = repository.countByStatus(connection);
    for (AnalysisStatus status : AnalysisStatus.values()) {
      out.printf("%-11s %d%n", status.value(), counts.get(status));
    }
    BigDecimal spent = repository.costSince(connection,
        LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant());
    String cap = env.get("AI_ANALYSIS_MAX_COST_USD_PER_DAY").map(value -> " of " + value + " USD")
        .orElse(" (no daily cap)");
    out.println("cost today " + spent + " USD" + cap);
    connection.rollback();
  }

  private static int number(String value, String name, int fallback) {
    if (value == null) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.strip());
      if (parsed >= 1 && parsed <= 100_000) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(name + " must be a whole number from 1 to 100000");
  }

  /** Keeps Flyway's and the driver's INFO lines out of the command's output. */
  private static void quietLogs() {
    Logger.getLogger("").setLevel(Level.WARNING);
    for (Handler handler : Logger.getLogger("").getHandlers()) {
      handler.setLevel(Level.WARNING);
    }
  }
}
