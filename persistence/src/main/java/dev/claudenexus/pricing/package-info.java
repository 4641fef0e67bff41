/**
 * Model prices in USD per million tokens, the cost of a request computed from its token usage, and
 * model context windows. The bundled table is {@code model-prices.json} in this package, and the file
 * named by the {@code MODEL_PRICES_FILE} setting overrides its entries.
 */
package dev.claudenexus.pricing;
