/**
 * Retention: removes request and response bodies, and whole requests, once they are older than the
 * configured number of days, in small batches that never hold a lock for long.
 */
package dev.claudenexus.retention;
