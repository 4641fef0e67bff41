package dev.claudenexus.api.tokenusage;

import java.time.OffsetDateTime;

/**
 * One bucket of the sliding-window analysis: the output tokens of the window that ends with the
 * bucket, and whether a response in that window carried a rate-limit warning.
 */
public record SlidingWindowBucket(OffsetDateTime start, long windowTokens, boolean warning) {}
