/**
 * Error responses of {@code /api/*}: JSON with a plain message that never contains SQL, connection
 * strings or stack traces. Unexpected failures are logged with their cause, and the client gets
 * a generic message.
 */
package dev.claudenexus.api.errors;
