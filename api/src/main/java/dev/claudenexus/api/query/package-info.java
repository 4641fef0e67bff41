/**
 * Building blocks the query endpoints share: validation of query parameters (every failure names the
 * parameter and the accepted values) and SQL filters whose values are always bound, never spliced.
 */
package dev.claudenexus.api.query;
