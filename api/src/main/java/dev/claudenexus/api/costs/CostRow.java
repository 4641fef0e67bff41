package dev.claudenexus.api.costs;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Costs and tokens of one group. {@code keys} contains the group's value of each grouping dimension
 * (a {@code null} value where the column is empty); {@code unpricedRequests} have no stored cost.
 */
public record CostRow(Map<CostDimension, String> keys, BigDecimal costUsd, long requests,
    long unpricedRequests, long inputTokens, long outputTokens, long cacheCreationInputTokens,
    long cacheReadInputTokens) {}
