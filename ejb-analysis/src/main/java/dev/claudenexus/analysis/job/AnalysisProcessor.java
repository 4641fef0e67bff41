package dev.claudenexus.analysis.job;

import dev.claudenexus.analysis.AnalysisSettings;
import dev.claudenexus.analysis.AnalysisStore;
import dev.claudenexus.analysis.ClaimedAnalysis;
import dev.claudenexus.analysis.CompletedAnalysis;
import dev.claudenexus.analysis.model.AnalysisModel;
import dev.claudenexus.analysis.model.AnalysisOutput;
import dev.claudenexus.analysis.model.ModelCallException;
import dev.claudenexus.analysis.model.ModelReply;
import dev.claudenexus.analysis.prompt.AnalysisPrompt;
import dev.claudenexus.analysis.prompt.Turn;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * Builds the prompt of a claimed analysis from its conversation, calls the model and parses the
 * answer. A failure becomes a {@link AnalysisOutcome.Failed} outcome rather than an exception, so one
 * bad conversation neither fails the run nor stops the partition.
 */
@Named
@Dependent
public class AnalysisProcessor implements ItemProcessor {

  private static final Logger LOG = Logger.getLogger(AnalysisProcessor.class.getName());

  @Inject AnalysisStore store;
  @Inject AnalysisModels models;

  @Override
  public Object processItem(Object item) throws Exception {
    ClaimedAnalysis claim = (ClaimedAnalysis) item;
    AnalysisSettings settings = AnalysisSettings.current();
    long started = System.nanoTime();
    List<Turn> conversation = store.loadTurns(claim.conversationId(), claim.branchId());
    if (conversation.isEmpty()) {
      return new AnalysisOutcome.Failed(claim, "NoMessages", "No messages found for conversation "
          + claim.conversationId() + " branch " + claim.branchId());
    }
    List<Turn> contents = AnalysisPrompt.build(conversation, claim.customPrompt(),
        settings.maxPromptTokens(), settings.headMessages(), settings.tailMessages());
    AnalysisModel model = models.current();
    try {
      ModelReply reply = model.generate(contents);
      AnalysisOutput output = AnalysisOutput.parse(reply.text());
      Duration duration = Duration.ofNanos(System.nanoTime() - started);
      return new AnalysisOutcome.Completed(claim, new CompletedAnalysis(output.content(), output.data(),
          reply.rawResponse(), model.name(), reply.promptTokens(), reply.completionTokens(),
          reply.costUsd(), duration));
    } catch (ModelCallException e) {
      LOG.warning(() -> "Analysis " + claim.id() + " of conversation " + claim.conversationId()
          + " failed (attempt " + (claim.retryCount() + 1) + "): " + e.getMessage());
      return new AnalysisOutcome.Failed(claim, "ModelCallException", e.getMessage());
    }
  }
}
