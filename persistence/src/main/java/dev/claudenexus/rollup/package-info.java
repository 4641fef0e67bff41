/**
 * Rollup tables: running totals of the stored requests per hour, per minute and account, and per
 * conversation branch, which the dashboard reads instead of summing millions of rows.
 */
package dev.claudenexus.rollup;
