package dev.claudenexus.api.query;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Formats sums of the stored per-request cost for responses. */
public final class UsdAmounts {

  /** Decimal places of costs in responses: millionths of a dollar. */
  public static final int SCALE = 6;

  private UsdAmounts() {}

  /** Rounds a sum of costs half up to {@value #SCALE} decimal places; {@code null} counts as zero. */
  public static BigDecimal round(BigDecimal sum) {
    return (sum == null ? BigDecimal.ZERO : sum).setScale(SCALE, RoundingMode.HALF_UP);
  }
}
