package dev.claudenexus.conversation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * JavaScript's {@code Number.prototype.toString()} for doubles (ECMAScript Number::toString with radix
 * 10): the shortest decimal digits that read back as the same double, closest to the exact value when
 * several qualify, printed as an integer, a plain fraction or an exponent form such as {@code 1e+21}.
 * {@link Double#toString(double)} does not do this: it prints {@code 1.0E21}, and before Java 19 its
 * digits are not always the shortest.
 */
final class JsNumbers {

  private static final double EXACT_INTEGER_LIMIT = 0x1p53;
  private static final int MAX_SIGNIFICANT_DIGITS = 17;

  private JsNumbers() {
  }

  static String toString(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (value == 0) {
      return "0"; // also for -0
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Infinity" : "-Infinity";
    }
    if (value < 0) {
      return "-" + toString(-value);
    }
    if (value < EXACT_INTEGER_LIMIT && value == Math.rint(value)) {
      return Long.toString((long) value); // every integer below 2^53 is exact, so its digits are shortest
    }
    BigDecimal shortest = shortestDecimal(value).stripTrailingZeros();
    String digits = shortest.unscaledValue().toString();
    return format(digits, digits.length() - shortest.scale());
  }

  /**
   * Finds the decimal with the fewest significant digits that rounds to {@code value}. At each length
   * only the two neighbours of the exact value can qualify, and of two that both do, the closer one
   * (the even one on a tie) is the ECMAScript choice. Whether some decimal of a length qualifies only
   * changes once from no to yes as the length grows, so the length is found by binary search.
   */
  private static BigDecimal shortestDecimal(double value) {
    BigDecimal exact = new BigDecimal(value);
    int low = 1;
    int high = MAX_SIGNIFICANT_DIGITS;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (candidate(exact, value, middle) != null) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    BigDecimal shortest = candidate(exact, value, low);
    if (shortest == null) {
      throw new IllegalStateException("no decimal of 17 digits reads back as " + value);
    }
    return shortest;
  }

  /** Returns the decimal of {@code precision} digits that reads back as {@code value}, or null. */
  private static BigDecimal candidate(BigDecimal exact, double value, int precision) {
    BigDecimal down = exact.round(new MathContext(precision, RoundingMode.FLOOR));
    BigDecimal up = exact.round(new MathContext(precision, RoundingMode.CEILING));
    boolean downMatches = down.doubleValue() == value;
    boolean upMatches = up.doubleValue() == value;
    if (downMatches && upMatches) {
      return closer(exact, down, up);
    }
    if (downMatches || upMatches) {
      return downMatches ? down : up;
    }
    return null;
  }

  private static BigDecimal closer(BigDecimal exact, BigDecimal down, BigDecimal up) {
    int order = exact.subtract(down).compareTo(up.subtract(exact));
    if (order != 0) {
      return order < 0 ? down : up;
    }
    return down.unscaledValue().testBit(0) ? up : down;
  }

  /**
   * Prints {@code digits} (no trailing zeros) as the value 0.digits x 10^exponent in the ECMAScript
   * layout.
   */
  private static String format(String digits, int exponent) {
    int count = digits.length();
    if (count <= exponent && exponent <= 21) {
      return digits + "0".repeat(exponent - count);
    }
    if (0 < exponent && exponent <= 21) {
      return digits.substring(0, exponent) + "." + digits.substring(exponent);
    }
    if (-6 < exponent && exponent <= 0) {
      return "0." + "0".repeat(-exponent) + digits;
    }
    int power = exponent - 1;
    String mantissa = count == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return mantissa + "e" + (power < 0 ? "-" : "+") + Math.abs(power);
  }
}
