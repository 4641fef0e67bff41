/**
 * Token usage over {@code /api/token-usage}: totals of the stored requests in a time window, per
 * account or over all accounts.
 */
package dev.claudenexus.api.usage;
