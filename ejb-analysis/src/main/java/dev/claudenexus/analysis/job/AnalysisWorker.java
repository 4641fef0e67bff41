package dev.claudenexus.analysis.job;

import dev.claudenexus.analysis.AnalysisSettings;
import dev.claudenexus.analysis.AnalysisStore;
import dev.claudenexus.schema.SchemaMigrator;
import dev.claudenexus.storage.DataSources;
import jakarta.annotation.PreDestroy;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Starts the analysis job in the proxy. Every {@code AI_WORKER_POLL_INTERVAL_MS} it resets stuck
 * rows, fails rows without retries left, and starts a run when work is claimable, the daily cost cap
 * is not spent and no run of this instance is active. At shutdown it stops its active run, and at
 * the next start it resumes the runs of this worker that ended with the previous process.
 */
@ApplicationScoped
public class AnalysisWorker {

  private static final Logger LOG = Logger.getLogger(AnalysisWorker.class.getName());
  private static final String THREAD_FACTORY = "java:comp/DefaultManagedThreadFactory";
  /** How long shutdown waits for the active run to stop after its current analyses. */
  private static final long STOP_WAIT_MS = 20_000;
  /** Maximum analyses of one partition per run. The next run follows at the next poll. */
  private static final int ITEMS_PER_PARTITION = 100;

  @Inject AnalysisStore store;

  private AnalysisSettings settings;
  private String owner;
  private ScheduledExecutorService scheduler;
  private volatile long activeExecution = -1;
  private boolean housekeepingFailing;
  private boolean migrated;

  /** Starts the worker when {@code AI_WORKER_ENABLED=true}, and otherwise logs why it does not start. */
  public synchronized void start() {
    settings = AnalysisSettings.current();
    if (!settings.workerEnabled()) {
      LOG.info("The analysis worker is off (AI_WORKER_ENABLED is not true)");
      return;
    }
    if (settings.geminiKey().isEmpty()) {
      LOG.warning("AI_WORKER_ENABLED=true but GEMINI_API_KEY is not set: the analysis worker does not"
          + " start. Set GEMINI_API_KEY and restart the proxy.");
      return;
    }
    owner = workerId();
    migrateBeforeBatchTables();
    if (migrated) {
      resumeStoppedRuns();
    }
    // A thread of its own: a poll that waits for the database must not delay the container's shared
    // scheduled executor, which runs the event streams.
    scheduler = Executors.newSingleThreadScheduledExecutor(threadFactory());
    scheduler.scheduleWithFixedDelay(this::poll,
        settings.pollInterval().toMillis(), settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    LOG.info(() -> "The analysis worker " + owner + " polls every " + settings.pollInterval().toMillis()
        + " ms with up to " + settings.maxConcurrentJobs() + " analyses in flight, model "
        + settings.geminiModel() + " at " + settings.geminiUrl());
  }

  /**
   * Brings the schema up to date before the batch runtime first runs, which creates its tables in
   * the same database when they are missing. On H2, that DDL beside a migration of this process made
   * a migration statement time out on H2's schema lock, and Flyway then kept the migration as failed,
   * so the database stayed unusable until repaired by hand. {@link SchemaMigrator#migrate} waits for
   * a migration that another thread of this process runs.
   */
  private void migrateBeforeBatchTables() {
    try {
      SchemaMigrator.migrate(DataSources.nexus());
      migrated = true;
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "Could not migrate the database before starting the batch runtime; the"
          + " analysis worker tries again on each poll and resumes earlier runs after that: " + e, e);
    }
  }

  /**
   * Restarts the runs that the previous process left. The first call into the batch runtime may
   * create its tables, which instances do one at a time.
   */
  private void resumeStoppedRuns() {
    try {
      BatchTablesLock.run(DataSources.nexus(), this::restartStoppedRuns);
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "The database is not available; resuming analysis runs without the batch"
          + " table lock: " + e, e);
      restartStoppedRuns();
    }
  }

  private void poll() {
    try {
      if (!migrated) {
        // The storage writer migrates too, on its own thread. Flyway's lock lets one of them run.
        SchemaMigrator.migrate(DataSources.nexus());
        migrated = true;
        resumeStoppedRuns();
      }
      housekeeping();
      if (runActive()) {
        return;
      }
      if (CostCap.reached(settings, store).isPresent() || !store.hasClaimable(settings.maxRetries())) {
        return;
      }
      Properties parameters = new Properties();
      parameters.setProperty(AnalysisJob.PARTITIONS, Integer.toString(settings.maxConcurrentJobs()));
      parameters.setProperty(AnalysisJob.OWNER, owner);
      parameters.setProperty(AnalysisJob.ITEMS_PER_PARTITION, Integer.toString(ITEMS_PER_PARTITION));
      activeExecution = BatchRuntime.getJobOperator().start(AnalysisJob.NAME, parameters);
      LOG.fine(() -> "Started analysis run " + activeExecution);
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "The analysis worker's poll failed; it tries again in "
          + settings.pollInterval().toMillis() + " ms: " + e, e);
    }
  }

  private void housekeeping() {
    try {
      List<Long> reset = store.resetStuck(settings.jobTimeout(), settings.maxRetries());
      if (!reset.isEmpty()) {
        LOG.warning(() -> "Reset analyses " + reset + ": they were processing for more than "
            + settings.jobTimeout().toMinutes() + " minutes (AI_WORKER_JOB_TIMEOUT_MINUTES)");
      }
      List<Long> failed = store.failExceeded(settings.maxRetries());
      if (!failed.isEmpty()) {
        LOG.warning(() -> "Failed analyses " + failed + ": no retries left (AI_ANALYSIS_MAX_RETRIES="
            + settings.maxRetries() + ")");
      }
      housekeepingFailing = false;
    } catch (SQLException | RuntimeException e) {
      if (!housekeepingFailing) {
        LOG.log(Level.WARNING, "Resetting stuck analyses failed: " + e, e);
        housekeepingFailing = true;
      }
    }
  }

  private boolean runActive() {
    long execution = activeExecution;
    if (execution < 0) {
      return false;
    }
    BatchStatus status = BatchRuntime.getJobOperator().getJobExecution(execution).getBatchStatus();
    return status == BatchStatus.STARTING || status == BatchStatus.STARTED
        || status == BatchStatus.STOPPING;
  }

  /**
   * Resumes this worker's runs that ended with its previous process. The newest run that a shutdown
   * stopped (or that failed) is restarted from its checkpoints, so the analyses it claimed continue.
   * A run still marked as started was cut off, and the batch runtime cannot restart it, so its
   * claimed analyses go back to pending instead. That happens when the process was killed, and on the
   * embedded H2 database, whose shutdown hook closes it before the stopped run's status is written.
   * Runs of other workers are theirs to resume; rows of a worker that never comes back are reset by
   * the watchdog.
   */
  private void restartStoppedRuns() {
    JobOperator operator = BatchRuntime.getJobOperator();
    try {
      if (!operator.getJobNames().contains(AnalysisJob.NAME)) {
        return;
      }
      boolean restarted = false;
      for (JobInstance instance : operator.getJobInstances(AnalysisJob.NAME, 0, 50)) {
        JobExecution latest = operator.getJobExecutions(instance).stream()
            .max((a, b) -> Long.compare(a.getExecutionId(), b.getExecutionId()))
            .orElse(null);
        if (latest == null
            || !owner.equals(operator.getParameters(latest.getExecutionId()).getProperty(AnalysisJob.OWNER))) {
          continue;
        }
        BatchStatus status = latest.getBatchStatus();
        if (!restarted && (status == BatchStatus.STOPPED || status == BatchStatus.FAILED)) {
          activeExecution = operator.restart(latest.getExecutionId(),
              operator.getParameters(latest.getExecutionId()));
          restarted = true;
          LOG.info(() -> "Restarted analysis run " + latest.getExecutionId() + " of job instance "
              + instance.getInstanceId() + " as execution " + activeExecution);
        } else if (status == BatchStatus.STARTING || status == BatchStatus.STARTED
            || status == BatchStatus.STOPPING) {
          releaseClaims(instance.getInstanceId(), latest.getExecutionId());
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Resuming stopped analysis runs failed; their analyses are reset after"
          + " AI_WORKER_JOB_TIMEOUT_MINUTES: " + e, e);
    }
  }

  private void releaseClaims(long instanceId, long executionId) {
    try {
      int released = store.releaseClaims(AnalysisJob.claimPrefix(instanceId));
      if (released > 0) {
        LOG.info(() -> "Put " + released + " analyses of analysis run " + executionId + " back to"
            + " pending: the run ended with the process that ran it");
      }
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "Releasing the analyses of analysis run " + executionId + " failed;"
          + " they are reset after AI_WORKER_JOB_TIMEOUT_MINUTES: " + e, e);
    }
  }

  /** Stops the schedule and the active run, which the next start of this worker resumes. */
  @PreDestroy
  synchronized void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
    long execution = activeExecution;
    if (execution < 0) {
      return;
    }
    try {
      JobOperator operator = BatchRuntime.getJobOperator();
      if (!runActive()) {
        return;
      }
      LOG.info(() -> "Stopping analysis run " + execution + " after its current analyses");
      operator.stop(execution);
      long deadline = System.currentTimeMillis() + STOP_WAIT_MS;
      while (runActive() && System.currentTimeMillis() < deadline) {
        Thread.sleep(100);
      }
      LOG.info(() -> "Stopped analysis run " + execution + " ("
          + operator.getJobExecution(execution).getBatchStatus() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Stopping analysis run " + execution + " failed: " + e, e);
    }
  }

  /**
   * Returns this worker's id: {@code AI_WORKER_ID} when set, else the host name and the home
   * directory, which tell the instances on one host apart.
   */
  private static String workerId() {
    String configured = System.getenv("AI_WORKER_ID");
    if (configured != null && !configured.isBlank()) {
      return configured.strip();
    }
    // The HOSTNAME variable rather than a name lookup, which could query a DNS server.
    String host = System.getenv().getOrDefault("HOSTNAME", "localhost");
    return host + ":" + System.getProperty("NEXUS_HOME", "");
  }

  private static ManagedThreadFactory threadFactory() {
    try {
      return (ManagedThreadFactory) new InitialContext().lookup(THREAD_FACTORY);
    } catch (NamingException e) {
      throw new IllegalStateException("The container resource " + THREAD_FACTORY + " is not available", e);
    }
  }
}
