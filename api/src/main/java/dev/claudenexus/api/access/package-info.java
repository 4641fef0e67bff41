/**
 * Access rules of {@code /api/*}, the same on both ports. With a dashboard key or single sign-on
 * configured every request needs the key, a dashboard session or a token of the OpenID Connect
 * provider, and gets 401 otherwise; writes need the {@code admin} role. Without either the API is
 * read-only: reads are open but rate-limited per client, and every write gets 403. CORS is allowed
 * only for the configured origins, and every response carries the standard security headers.
 */
package dev.claudenexus.api.access;
