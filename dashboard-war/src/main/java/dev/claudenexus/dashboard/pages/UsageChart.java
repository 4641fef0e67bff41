package dev.claudenexus.dashboard.pages;

/**
 * A sliding-window chart ready for {@code p:chart}.
 *
 * @param config the Chart.js configuration as JSON, with {@code <} escaped so it can sit in a script element
 * @param limitShown whether the chart draws the limit as a dashed line
 * @param peakTokens the highest window total of the chart
 * @param warnings the number of points whose window had a rate-limit warning
 */
public record UsageChart(String config, boolean limitShown, long peakTokens, int warnings) {}
