package dev.claudenexus.analysis.job;

import dev.claudenexus.analysis.AnalysisSettings;
import dev.claudenexus.analysis.AnalysisStore;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Logger;

/**
 * Sets the run's exit status to {@value AnalysisJob#COST_CAP_REACHED} with the amount when the daily
 * cost cap stopped it, so {@code list-batch-job-executions} and the batch tables show why it ended.
 */
@Named
@Dependent
public class AnalysisJobListener extends AbstractJobListener {

  private static final Logger LOG = Logger.getLogger(AnalysisJobListener.class.getName());

  @Inject JobContext job;
  @Inject AnalysisStore store;

  @Override
  public void afterJob() throws Exception {
    AnalysisSettings settings = AnalysisSettings.current();
    CostCap.reached(settings, store).ifPresent(spent -> {
      job.setExitStatus(AnalysisJob.COST_CAP_REACHED + ": " + spent + " of "
          + settings.maxCostPerDay().orElseThrow() + " USD spent today (UTC)");
      LOG.info(() -> "Analysis run " + job.getExecutionId() + " ended: " + job.getExitStatus());
    });
  }
}
