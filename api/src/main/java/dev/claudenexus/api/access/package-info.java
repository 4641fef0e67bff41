/**
 * Access rules of {@code /api/*}, the same on both ports. With a dashboard key configured every
 * request needs it (or a dashboard session) and gets 401 otherwise. Without one the API is read-only:
 * reads are open but rate-limited per client, and every write gets 403. CORS is allowed only for the
 * configured origins, and every response carries the standard security headers.
 */
package dev.claudenexus.api.access;
