package dev.claudenexus.analysis;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * The result of one successful model call, ready to store.
 *
 * @param content Markdown of the analysis, or the model's text when it was not valid JSON
 * @param data the structured analysis as JSON text, or {@code null}
 * @param rawResponse the model's response document as JSON text
 */
public record CompletedAnalysis(String content, String data, String rawResponse, String model,
    int promptTokens, int completionTokens, BigDecimal costUsd, Duration duration)
    implements Serializable {
  private static final long serialVersionUID = 1L;
}
