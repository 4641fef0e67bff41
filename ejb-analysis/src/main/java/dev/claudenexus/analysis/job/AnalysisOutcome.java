package dev.claudenexus.analysis.job;

import dev.claudenexus.analysis.ClaimedAnalysis;
import dev.claudenexus.analysis.CompletedAnalysis;
import java.io.Serializable;

/** The processor's outcome for a claimed analysis: a result to store, or a failed attempt. */
sealed interface AnalysisOutcome extends Serializable {

  ClaimedAnalysis claim();

  /** A result of the model. */
  record Completed(ClaimedAnalysis claim, CompletedAnalysis result) implements AnalysisOutcome {
    private static final long serialVersionUID = 1L;
  }

  /** A failed attempt, with the error's kind ({@code name}) and message. */
  record Failed(ClaimedAnalysis claim, String name, String message) implements AnalysisOutcome {
    private static final long serialVersionUID = 1L;
  }
}
