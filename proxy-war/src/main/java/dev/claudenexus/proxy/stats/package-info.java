/**
 * In-memory token counters per domain since the process started, served at {@code /token-stats} as
 * in the original product.
 */
package dev.claudenexus.proxy.stats;
