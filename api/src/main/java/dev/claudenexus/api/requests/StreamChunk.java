package dev.claudenexus.api.requests;

import java.time.OffsetDateTime;

/** One stored Server-Sent Event of a streamed response; {@code eventType} may be {@code null}. */
public record StreamChunk(int index, OffsetDateTime timestamp, String eventType, String data,
    int tokenCount) {}
