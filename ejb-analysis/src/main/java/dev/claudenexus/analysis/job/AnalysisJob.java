package dev.claudenexus.analysis.job;

/** Names shared by the job XML, its artifacts and the worker. */
public final class AnalysisJob {

  /** The job XML's name, {@code META-INF/batch-jobs/conversation-analysis.xml}. */
  public static final String NAME = "conversation-analysis";

  /** Job parameter: partitions of the step, which is the number of analyses in flight. */
  static final String PARTITIONS = "partitions";
  /** Job parameter: the worker that started the run, so only it restarts the run after a stop. */
  static final String OWNER = "owner";
  /** Job parameter: analyses each partition takes before the run ends and the worker starts anew. */
  static final String ITEMS_PER_PARTITION = "itemsPerPartition";
  /** Partition property: the partition's number. */
  static final String PARTITION = "partition";

  /** Exit status of a run that stopped claiming because the daily cost cap was spent. */
  public static final String COST_CAP_REACHED = "COST_CAP_REACHED";

  private AnalysisJob() {}

  /** Returns the claim that a partition writes into the rows it takes. */
  static String claimOwner(long jobInstanceId, String partition) {
    return claimPrefix(jobInstanceId) + partition;
  }

  /** Returns the start of the claims of every partition of a job instance. */
  static String claimPrefix(long jobInstanceId) {
    return "job-" + jobInstanceId + "-p";
  }
}
