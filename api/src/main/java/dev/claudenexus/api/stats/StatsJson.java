package dev.claudenexus.api.stats;

import static dev.claudenexus.json.JsonProviders.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;

/** Renders {@link RequestStats} in the original proxy's and the original dashboard's field names. */
final class StatsJson {

  private StatsJson() {}

  /** Renders the original proxy's {@code GET /api/stats} shape, plus {@code totalCostUsd}. */
  static JsonObject proxyShape(RequestStats stats) {
    return JSON.createObjectBuilder()
        .add("totalRequests", stats.requests())
        .add("totalTokens", stats.totalTokens())
        .add("totalInputTokens", stats.inputTokens())
        .add("totalOutputTokens", stats.outputTokens())
        .add("totalCacheCreationTokens", stats.cacheCreationTokens())
        .add("totalCacheReadTokens", stats.cacheReadTokens())
        .add("averageResponseTime", stats.averageDurationMs())
        .add("errorCount", stats.errors())
        .add("activeDomains", stats.activeDomains())
        .add("requestsByModel", counts(stats.requestsByModel()))
        .add("requestsByType", counts(stats.requestsByType()))
        .add("totalCostUsd", stats.costUsd())
        .build();
  }

  /** Renders the original dashboard's {@code GET /api/storage-stats} shape, plus the cost. */
  static JsonObject storageShape(RequestStats stats) {
    JsonObjectBuilder fields = JSON.createObjectBuilder()
        .add("total_requests", stats.requests())
        .add("total_tokens", stats.totalTokens())
        .add("total_input_tokens", stats.inputTokens())
        .add("total_output_tokens", stats.outputTokens())
        .add("total_cache_creation_tokens", stats.cacheCreationTokens())
        .add("total_cache_read_tokens", stats.cacheReadTokens())
        .add("total_tool_calls", stats.toolCalls())
        .add("avg_response_time_ms", stats.averageDurationMs())
        .add("error_count", stats.errors())
        .add("unique_domains", stats.activeDomains())
        .add("requests_by_model", counts(stats.requestsByModel()))
        .add("requests_by_type", counts(stats.requestsByType()))
        .add("total_cost_usd", stats.costUsd());
    return JSON.createObjectBuilder().add("status", "ok").add("stats", fields).build();
  }

  private static JsonObjectBuilder counts(Map<String, Long> counts) {
    JsonObjectBuilder object = JSON.createObjectBuilder();
    counts.forEach(object::add);
    return object;
  }
}
