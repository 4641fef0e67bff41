/**
 * Request statistics: {@code /api/stats} and {@code /api/storage-stats} sum the requests since a time
 * (default: the last 24 hours), {@code /api/dashboard/stats} sums the requests linked into
 * conversations. Rows are grouped in SQL and only the groups travel to the server.
 */
package dev.claudenexus.api.stats;
