package dev.claudenexus.analysis;

import java.util.UUID;

/**
 * A row of {@code analysis_audit_log}.
 *
 * @param type {@code ANALYSIS_REQUEST}, {@code ANALYSIS_RETRIEVAL} or
 *     {@code ANALYSIS_REGENERATION_REQUEST}
 * @param outcome {@code INITIATED}, {@code SUCCESS} or {@code FAILURE}
 * @param requestId a 12-character id that ties the rows of one API request together
 * @param metadata a JSON object as text
 */
public record AuditEvent(String type, String outcome, UUID conversationId, String branchId,
    String domain, String requestId, String metadata) {}
