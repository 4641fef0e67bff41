package dev.claudenexus.api.tokenusage;

import dev.claudenexus.api.query.UsdAmounts;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Token, request and cost sums of a group of requests; {@code costUsd} counts priced requests only. */
public record UsageTotals(long inputTokens, long outputTokens, long requests, long cacheCreationTokens,
    long cacheReadTokens, BigDecimal costUsd) {

  /** The SQL select list that {@link #read} reads, in its order. */
  static final String COLUMNS = "COALESCE(SUM(input_tokens), 0), COALESCE(SUM(output_tokens), 0),"
      + " COUNT(*), COALESCE(SUM(cache_creation_input_tokens), 0),"
      + " COALESCE(SUM(cache_read_input_tokens), 0), SUM(cost_usd)";

  /** The select list over {@code rollup_usage_hours} that {@link #read} reads, in its order. */
  static final String ROLLUP_COLUMNS = "COALESCE(SUM(input_tokens), 0),"
      + " COALESCE(SUM(output_tokens), 0), COALESCE(SUM(request_count), 0),"
      + " COALESCE(SUM(cache_creation_input_tokens), 0),"
      + " COALESCE(SUM(cache_read_input_tokens), 0), SUM(cost_usd)";

  /** Reads the {@link #COLUMNS} or {@link #ROLLUP_COLUMNS} that start at {@code first}. */
  static UsageTotals read(ResultSet rs, int first) throws SQLException {
    return new UsageTotals(rs.getLong(first), rs.getLong(first + 1), rs.getLong(first + 2),
        rs.getLong(first + 3), rs.getLong(first + 4), UsdAmounts.round(rs.getBigDecimal(first + 5)));
  }

  /** Adds the totals with the original product's field names, plus {@code totalCostUsd}. */
  JsonObjectBuilder addTo(JsonObjectBuilder json) {
    return json.add("totalInputTokens", inputTokens)
        .add("totalOutputTokens", outputTokens)
        .add("totalTokens", inputTokens + outputTokens)
        .add("totalRequests", requests)
        .add("cacheCreationInputTokens", cacheCreationTokens)
        .add("cacheReadInputTokens", cacheReadTokens)
        .add("totalCostUsd", costUsd);
  }
}
