package dev.claudenexus.pricing;

/**
 * Context window of a model.
 *
 * @param tokens the maximum number of input plus output tokens of one request
 * @param estimate true when the model is not in the price table and the window follows from its name
 */
public record ContextLimit(long tokens, boolean estimate) {}
