package dev.claudenexus.analysis;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One row of {@code conversation_analyses}.
 *
 * @param content the analysis as Markdown, or the model's raw text when it was not valid JSON
 * @param data the structured analysis as JSON text, {@code null} unless the output parsed
 * @param error the JSON object of failed attempts ({@code retry_<n>}, {@code stuck_job},
 *     {@code final_error}), or {@code null}
 */
public record StoredAnalysis(
    long id,
    UUID conversationId,
    String branchId,
    AnalysisStatus status,
    String content,
    String data,
    String error,
    String customPrompt,
    String modelUsed,
    int retryCount,
    Integer promptTokens,
    Integer completionTokens,
    BigDecimal costUsd,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    OffsetDateTime completedAt) {}
