/**
 * Token usage history per account: daily totals, the output tokens in Anthropic's 5-hour rate-limit
 * window over time, the accounts active in that window, and the sliding-window analysis. Sliding sums
 * are computed here from per-minute sums, so each query reads the time range once.
 */
package dev.claudenexus.api.tokenusage;
