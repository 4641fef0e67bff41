package dev.claudenexus.api.costs;

import dev.claudenexus.api.errors.InvalidParameterException;
import dev.claudenexus.api.query.QueryParameters;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The validated parameters of {@code GET /api/costs}: the UTC days {@code from} to {@code to}, both
 * included, optional domain and account filters, and the grouping.
 */
public record CostSelection(LocalDate from, LocalDate to, Optional<String> domain,
    Optional<String> accountId, List<CostDimension> groupBy) {

  static final int DEFAULT_DAYS = 30;
  static final int MAX_DAYS = 366;

  /**
   * Parses the query parameters. Without {@code to} the range ends today (UTC); without {@code from}
   * it covers {@value #DEFAULT_DAYS} days.
   *
   * @throws InvalidParameterException naming the first invalid parameter
   */
  static CostSelection parse(String from, String to, String domain, String accountId,
      String groupBy, LocalDate today) {
    LocalDate end = QueryParameters.date("to", to).orElse(today);
    LocalDate start = QueryParameters.date("from", from).orElse(end.minusDays(DEFAULT_DAYS - 1));
    if (start.isAfter(end)) {
      throw new InvalidParameterException("from", "a date on or before to (" + end + ")", from);
    }
    if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
      throw new InvalidParameterException("from",
          "a date at most " + MAX_DAYS + " days before to (" + end + ")", String.valueOf(from));
    }
    return new CostSelection(start, end, QueryParameters.text("domain", domain),
        QueryParameters.text("accountId", accountId), CostDimension.parse(groupBy));
  }

  static LocalDate todayUtc() {
    return LocalDate.now(ZoneOffset.UTC);
  }
}
