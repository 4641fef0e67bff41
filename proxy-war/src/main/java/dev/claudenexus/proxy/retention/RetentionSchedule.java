package dev.claudenexus.proxy.retention;

import dev.claudenexus.audit.AuditRepository;
import dev.claudenexus.audit.AuditRetention;
import dev.claudenexus.retention.RetentionCleaner;
import dev.claudenexus.schema.DatabaseVendor;
import dev.claudenexus.storage.DataSources;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts the retention run every day at {@code RETENTION_HOUR} (UTC): the request cleaner when
 * {@code RETENTION_BODY_DAYS} or {@code RETENTION_DAYS} is set, and the audit trail's retention
 * ({@code AUDIT_RETENTION_DAYS}, 365 by default) always. A run stops after
 * {@link #MAX_RUN} and goes on the next day, so it stays in the quiet hours. On PostgreSQL an
 * advisory lock lets one proxy instance run it while the others skip that day's run.
 */
@ApplicationScoped
public class RetentionSchedule {

  static final Duration MAX_RUN = Duration.ofHours(2);
  /** The key of the PostgreSQL advisory lock that one retention run holds. */
  private static final long LOCK_KEY = 0x6e657875735f7274L;
  private static final Duration PAUSE = Duration.ofMillis(50);
  private static final Logger LOG = Logger.getLogger(RetentionSchedule.class.getName());

  @Inject
  @ConfigProperty(name = "RETENTION_BODY_DAYS")
  Optional<Integer> bodyDays;

  @Inject
  @ConfigProperty(name = "RETENTION_DAYS")
  Optional<Integer> requestDays;

  @Inject
  @ConfigProperty(name = "RETENTION_HOUR", defaultValue = "3")
  int hour;

  @Inject
  @ConfigProperty(name = "RETENTION_BATCH_SIZE", defaultValue = "1000")
  int batchSize;

  @Inject
  @ConfigProperty(name = "AUDIT_RETENTION_DAYS")
  Optional<String> auditDays;

  // Read here, not from the storage writer: it reports itself enabled only once it has started.
  @Inject
  @ConfigProperty(name = "STORAGE_ENABLED", defaultValue = "true")
  boolean storageEnabled;

  private ManagedScheduledExecutorService executor;
  private ScheduledFuture<?> next;
  private volatile boolean stopping;

  void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
    int audit = AuditRetention.parseDays(auditDays.orElse(null));
    try {
      executor = (ManagedScheduledExecutorService)
          new InitialContext().lookup("java:comp/DefaultManagedScheduledExecutorService");
    } catch (NamingException e) {
      LOG.warning("No managed scheduled executor, so retention does not run: " + e);
      return;
    }
    LOG.info(() -> "Retention removes bodies after " + bodyDays.map(d -> d + " days").orElse("never")
        + ", requests after " + requestDays.map(d -> d + " days").orElse("never")
        + " and audit events after " + audit + " days, daily from " + hour + ":00 UTC");
    scheduleNext();
  }

  RetentionCleaner.Settings settings() {
    return new RetentionCleaner.Settings(bodyDays, requestDays, batchSize, PAUSE);
  }

  /** Returns the time from {@code now} to the next start at {@code hour} o'clock UTC. */
  static Duration untilNext(ZonedDateTime now, int hour) {
    ZonedDateTime utc = now.withZoneSameInstant(ZoneOffset.UTC);
    ZonedDateTime start = utc.toLocalDate().atTime(hour, 0).atZone(ZoneOffset.UTC);
    if (!start.isAfter(utc)) {
      start = start.plusDays(1);
    }
    return Duration.between(utc, start);
  }

  private synchronized void scheduleNext() {
    if (stopping) {
      return;
    }
    long delay = untilNext(ZonedDateTime.now(ZoneOffset.UTC), hour).toMillis();
    next = executor.schedule(this::runAndReschedule, delay, TimeUnit.MILLISECONDS);
  }

  private void runAndReschedule() {
    try {
      runOnce();
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "Retention failed and runs again tomorrow: {0}", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    scheduleNext();
  }

  private void runOnce() throws SQLException, InterruptedException {
    DataSource dataSource = DataSources.nexus();
    Instant deadline = Instant.now().plus(MAX_RUN);
    try (Connection lock = dataSource.getConnection()) {
      DatabaseVendor vendor = DatabaseVendor.of(lock);
      if (vendor == DatabaseVendor.POSTGRESQL && !tryLock(lock)) {
        LOG.info("Another proxy instance runs retention now; this one skips today's run");
        return;
      }
      try {
        BooleanSupplier keepGoing = () -> !stopping && Instant.now().isBefore(deadline);
        if (settings().enabled() && storageEnabled) {
          new RetentionCleaner(dataSource, vendor, settings()).run(Instant.now(), keepGoing);
        }
        new AuditRetention(new AuditRepository(dataSource, vendor),
            AuditRetention.parseDays(auditDays.orElse(null)), batchSize, PAUSE)
            .run(Instant.now(), keepGoing);
      } finally {
        if (vendor == DatabaseVendor.POSTGRESQL) {
          unlock(lock);
        }
      }
    }
  }

  private static boolean tryLock(Connection connection) throws SQLException {
    try (PreparedStatement statement =
            connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
      statement.setLong(1, LOCK_KEY);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  private static void unlock(Connection connection) throws SQLException {
    try (PreparedStatement statement =
            connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      statement.setLong(1, LOCK_KEY);
      statement.executeQuery().close();
    }
  }

  @PreDestroy
  synchronized void stop() {
    stopping = true;
    if (next != null) {
      next.cancel(false);
    }
  }
}
