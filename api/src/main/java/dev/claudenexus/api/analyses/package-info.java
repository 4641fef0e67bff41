/**
 * {@code /api/analyses}: requesting, regenerating and reading AI analyses of conversation branches,
 * rate-limited per domain, and the live status stream that the dashboard's analysis panel follows.
 * Writes follow the access rules of every {@code /api/*} write: the {@code admin} role with a key,
 * and 403 in read-only mode.
 */
package dev.claudenexus.api.analyses;
