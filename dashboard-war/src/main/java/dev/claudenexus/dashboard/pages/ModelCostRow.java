package dev.claudenexus.dashboard.pages;

import java.math.BigDecimal;

/**
 * The cost of one model on one UTC day.
 *
 * @param date the day, {@code yyyy-MM-dd}
 * @param model the model, or {@code null} for requests without one
 * @param unpricedRequests requests of a model without a price, which have no cost
 */
public record ModelCostRow(String date, String model, long requests, long unpricedRequests,
    long inputTokens, long outputTokens, BigDecimal costUsd) {}
