package dev.claudenexus.analysis.job;

import dev.claudenexus.analysis.AnalysisSettings;
import dev.claudenexus.analysis.model.AnalysisModel;
import dev.claudenexus.analysis.model.GeminiClient;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The model the job calls: Gemini, created once from the settings. A second provider would be chosen
 * here, by a setting, without a change to the job.
 */
@ApplicationScoped
public class AnalysisModels {

  private volatile AnalysisModel model;

  /** Returns the configured model. */
  public AnalysisModel current() {
    AnalysisModel current = model;
    if (current == null) {
      current = new GeminiClient(AnalysisSettings.current());
      model = current;
    }
    return current;
  }
}
