package dev.claudenexus.api.costs;

import dev.claudenexus.api.errors.InvalidParameterException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A way to group costs: its {@code groupBy} name, its SQL expression over {@code rollup_usage_hours}
 * and its JSON field.
 */
public enum CostDimension {
  DAY("day", "hour_bucket / 24", "date"),
  ACCOUNT("account", "NULLIF(account_id, '')", "accountId"),
  DOMAIN("domain", "domain", "domain"),
  MODEL("model", "NULLIF(model, '')", "model");

  static final int DAY_SECONDS = 86_400;

  private final String parameterName;
  private final String expression;
  private final String field;

  CostDimension(String parameterName, String expression, String field) {
    this.parameterName = parameterName;
    this.expression = expression;
    this.field = field;
  }

  String expression() {
    return expression;
  }

  String field() {
    return field;
  }

  String parameterName() {
    return parameterName;
  }

  /**
   * Parses {@code groupBy}: a comma-separated list of dimension names, each at most once; missing
   * means by day.
   *
   * @throws InvalidParameterException for an unknown or repeated name
   */
  static List<CostDimension> parse(String value) {
    if (value == null || value.isBlank()) {
      return List.of(DAY);
    }
    String expectation = "a comma-separated list of " + Arrays.stream(values())
        .map(CostDimension::parameterName).collect(Collectors.joining(", "));
    List<CostDimension> dimensions = new ArrayList<>();
    for (String name : value.split(",", -1)) {
      CostDimension dimension = Arrays.stream(values())
          .filter(d -> d.parameterName.equals(name.strip().toLowerCase(Locale.ROOT)))
          .findFirst()
          .orElseThrow(() -> new InvalidParameterException("groupBy", expectation, value));
      if (dimensions.contains(dimension)) {
        throw new InvalidParameterException("groupBy", expectation + ", each at most once", value);
      }
      dimensions.add(dimension);
    }
    return dimensions;
  }
}
