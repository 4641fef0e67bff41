package dev.claudenexus.analysis.job;

import dev.claudenexus.analysis.AnalysisSettings;
import dev.claudenexus.analysis.AnalysisStore;
import dev.claudenexus.analysis.ClaimedAnalysis;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Claims the next analysis for its partition. A partition of a restarted run first takes back the
 * rows that its interrupted run claimed and did not finish; analyses that run completed are no longer
 * {@code processing}, so they are not repeated. The checkpoint is the number of analyses this
 * partition has read. The partition ends when nothing is claimable, when it has read its share of the
 * run, or when the daily cost cap is spent (then the step's exit status is
 * {@value AnalysisJob#COST_CAP_REACHED}).
 */
@Named
@Dependent
public class AnalysisReader extends AbstractItemReader {

  private static final Logger LOG = Logger.getLogger(AnalysisReader.class.getName());

  @Inject JobContext job;
  @Inject StepContext step;
  @Inject AnalysisStore store;

  @Inject
  @BatchProperty(name = AnalysisJob.PARTITION)
  String partition;

  private String owner;
  private int read;
  private int limit;

  @Override
  public void open(Serializable checkpoint) {
    owner = AnalysisJob.claimOwner(job.getInstanceId(), partition == null ? "0" : partition);
    read = checkpoint instanceof Integer count ? count : 0;
    String perPartition = BatchRuntime.getJobOperator().getParameters(job.getExecutionId())
        .getProperty(AnalysisJob.ITEMS_PER_PARTITION, "100");
    limit = Integer.parseInt(perPartition);
    LOG.fine(() -> "Partition " + owner + " opened at checkpoint " + read);
  }

  @Override
  public Object readItem() throws Exception {
    if (read >= limit) {
      return null;
    }
    AnalysisSettings settings = AnalysisSettings.current();
    if (CostCap.reached(settings, store).isPresent()) {
      step.setExitStatus(AnalysisJob.COST_CAP_REACHED);
      return null;
    }
    Optional<ClaimedAnalysis> claimed = store.claim(owner, settings.maxRetries());
    if (claimed.isEmpty()) {
      return null;
    }
    read++;
    ClaimedAnalysis analysis = claimed.get();
    LOG.fine(() -> "Claimed analysis " + analysis.id() + " of conversation " + analysis.conversationId()
        + " branch " + analysis.branchId() + " for " + owner);
    return analysis;
  }

  @Override
  public Serializable checkpointInfo() {
    return read;
  }
}
