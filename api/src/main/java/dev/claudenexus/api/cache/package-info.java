/**
 * The dashboard port's cache of {@code /api/*} reads: responses kept in memory for
 * {@code DASHBOARD_CACHE_TTL} seconds and dropped as soon as stored data changes.
 */
package dev.claudenexus.api.cache;
