package dev.claudenexus.analysis.job;

import dev.claudenexus.analysis.AnalysisSettings;
import dev.claudenexus.analysis.AnalysisStatus;
import dev.claudenexus.analysis.AnalysisStore;
import dev.claudenexus.analysis.Backoff;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Stores each outcome: a completed analysis, or a failed attempt that goes back to pending after its
 * backoff delay or fails for good after the last retry. A claim lost meanwhile (the watchdog reset
 * the row, or it was regenerated) leaves the row as the newer change left it.
 */
@Named
@Dependent
public class AnalysisWriter extends AbstractItemWriter {

  private static final Logger LOG = Logger.getLogger(AnalysisWriter.class.getName());

  @Inject AnalysisStore store;

  @Override
  public void writeItems(List<Object> items) throws Exception {
    AnalysisSettings settings = AnalysisSettings.current();
    for (Object item : items) {
      if (item instanceof AnalysisOutcome.Completed completed) {
        boolean stored = store.complete(completed.claim(), completed.result());
        LOG.info(() -> (stored ? "Completed analysis " : "Dropped the result of analysis ")
            + completed.claim().id() + " of conversation " + completed.claim().conversationId()
            + " branch " + completed.claim().branchId() + " (" + completed.result().promptTokens()
            + " prompt tokens, " + completed.result().completionTokens() + " output tokens, "
            + completed.result().costUsd() + " USD)" + (stored ? "" : ": its claim was lost"));
      } else if (item instanceof AnalysisOutcome.Failed failed) {
        Optional<AnalysisStatus> status = store.recordFailure(failed.claim(), failed.name(),
            failed.message(), settings.maxRetries(),
            Backoff.delay(failed.claim().retryCount() + 1, Math::random));
        status.filter(AnalysisStatus.FAILED::equals).ifPresent(s -> LOG.warning(() -> "Analysis "
            + failed.claim().id() + " of conversation " + failed.claim().conversationId()
            + " failed for good after " + settings.maxRetries() + " attempts: " + failed.message()));
      }
    }
  }
}
