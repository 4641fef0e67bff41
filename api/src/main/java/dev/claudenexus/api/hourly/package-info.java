/**
 * Hourly usage per domain for the "Domain Stats" charts: requests, or output tokens, per UTC hour of
 * the last days.
 */
package dev.claudenexus.api.hourly;
