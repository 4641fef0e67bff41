package dev.claudenexus.analysis;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A change of an analysis row's status, as the live status stream sends it. */
public record AnalysisChange(long id, UUID conversationId, String branchId, AnalysisStatus status,
    OffsetDateTime updatedAt) {}
