package dev.claudenexus.analysis.model;

import java.math.BigDecimal;

/**
 * A model's reply.
 *
 * @param text the generated text
 * @param rawResponse the provider's response document as JSON text
 * @param costUsd what the call cost, from the provider's token counts and the configured prices
 */
public record ModelReply(String text, String rawResponse, int promptTokens, int completionTokens,
    BigDecimal costUsd) {}
