package dev.claudenexus.api.conversations;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A keyset position among requests ordered by {@code (timestamp, request_id)}. */
public record RequestPosition(OffsetDateTime timestamp, UUID requestId) {}
